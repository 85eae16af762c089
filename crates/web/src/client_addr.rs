//! The client's address, for throttling, audit rows and the log line.
//! Without a TLS proxy in front it is the TCP peer and forwarding headers
//! are ignored (anyone can send them). Behind the proxy it is taken from
//! `Forwarded` (RFC 7239) or else `X-Forwarded-For`, trusting only the
//! entries our own proxies added: the last `hops` of them, or those added
//! by the listed proxy addresses.

use std::net::IpAddr;

use axum::http::{HeaderMap, header};

/// Which forwarding entries to believe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Forwarding headers are ignored: the TCP peer is the client.
    Direct,
    /// This many proxies of ours stand in front, each adding one entry.
    Hops(usize),
    /// Our proxies have these addresses; entries they added are skipped.
    Proxies(Vec<IpAddr>),
}

impl Trust {
    /// Whether `peer` is one of our proxies, whose many connections carry
    /// many clients (the per-address connection cap does not apply to it).
    pub fn is_proxy(&self, peer: IpAddr) -> bool {
        match self {
            Trust::Direct => false,
            Trust::Hops(_) => true,
            Trust::Proxies(list) => list.contains(&peer.to_canonical()),
        }
    }
}

/// The client's address as `trust` allows it to be known.
pub fn client_addr(peer: IpAddr, headers: &HeaderMap, trust: &Trust) -> IpAddr {
    let peer = peer.to_canonical();
    let mut chain = forwarded_for(headers);
    chain.push(Some(peer));
    let chosen = match trust {
        Trust::Direct => Some(peer),
        Trust::Hops(hops) => {
            let index = chain.len().saturating_sub(1 + hops);
            chain[index]
        }
        Trust::Proxies(list) => {
            let trusted = |addr: &Option<IpAddr>| addr.is_some_and(|a| list.contains(&a));
            let outside = chain.iter().rposition(|addr| !trusted(addr));
            match outside {
                Some(index) => chain[index],
                None => chain.first().copied().flatten(),
            }
        }
    };
    // An entry we cannot read ("unknown", an obfuscated name) tells nothing:
    // the nearest address we know stands in for it.
    chosen.unwrap_or(peer)
}

/// The addresses the proxies recorded, nearest last: `Forwarded` if present,
/// else `X-Forwarded-For`. `None` for an entry that is not an address.
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let joined = |name| {
        headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join(",")
    };
    let forwarded = joined(header::FORWARDED);
    if !forwarded.trim().is_empty() {
        return forwarded.split(',').map(forwarded_element).collect();
    }
    let x_forwarded = joined(header::HeaderName::from_static("x-forwarded-for"));
    if x_forwarded.trim().is_empty() {
        return Vec::new();
    }
    x_forwarded.split(',').map(|v| parse_node(v.trim())).collect()
}

/// The `for=` of one `Forwarded` element (`for=192.0.2.60;proto=https`).
fn forwarded_element(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("for")
            .then(|| parse_node(value.trim().trim_matches('"')))?
    })
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`,
/// `[2001:db8::1]:4711`, `2001:db8::1`.
fn parse_node(text: &str) -> Option<IpAddr> {
    if let Some(rest) = text.strip_prefix('[') {
        return rest.split(']').next()?.parse::<IpAddr>().ok().map(|a| a.to_canonical());
    }
    if let Ok(addr) = text.parse::<IpAddr>() {
        return Some(addr.to_canonical());
    }
    let (host, _port) = text.rsplit_once(':')?;
    host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    const PROXY: &str = "10.0.0.2";

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn without_a_proxy_forwarding_headers_are_ignored() {
        let spoofed = headers(&[("x-forwarded-for", "203.0.113.9"), ("forwarded", "for=1.2.3.4")]);
        assert_eq!(client_addr(ip("198.51.100.7"), &spoofed, &Trust::Direct), ip("198.51.100.7"));
    }

    #[test]
    fn behind_one_proxy_the_entry_it_added_is_the_client() {
        let one = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(client_addr(ip(PROXY), &one, &Trust::Hops(1)), ip("203.0.113.9"));
        let spoofed = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9")]);
        assert_eq!(
            client_addr(ip(PROXY), &spoofed, &Trust::Hops(1)),
            ip("203.0.113.9"),
            "what the client wrote itself is not believed"
        );
        let two = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.0.0.1")]);
        assert_eq!(client_addr(ip(PROXY), &two, &Trust::Hops(2)), ip("203.0.113.9"));
    }

    #[test]
    fn forwarded_wins_over_x_forwarded_for_and_reads_ports_and_ipv6() {
        let both = headers(&[
            ("forwarded", "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https"),
            ("x-forwarded-for", "203.0.113.9"),
        ]);
        assert_eq!(client_addr(ip(PROXY), &both, &Trust::Hops(1)), ip("2001:db8:cafe::17"));
        let port = headers(&[("forwarded", "for=192.0.2.60:8443")]);
        assert_eq!(client_addr(ip(PROXY), &port, &Trust::Hops(1)), ip("192.0.2.60"));
    }

    #[test]
    fn a_listed_proxy_is_skipped_and_an_unlisted_peer_is_the_client() {
        let trust = Trust::Proxies(vec![ip(PROXY), ip("10.0.0.1")]);
        let chain = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.0.0.1")]);
        assert_eq!(client_addr(ip(PROXY), &chain, &trust), ip("203.0.113.9"));
        assert_eq!(
            client_addr(ip("198.51.100.7"), &chain, &trust),
            ip("198.51.100.7"),
            "a peer that is not our proxy forwards nothing we believe"
        );
    }

    #[test]
    fn an_unreadable_or_missing_entry_falls_back_to_the_proxy() {
        let unknown = headers(&[("forwarded", "for=unknown")]);
        assert_eq!(client_addr(ip(PROXY), &unknown, &Trust::Hops(1)), ip(PROXY));
        assert_eq!(client_addr(ip(PROXY), &HeaderMap::new(), &Trust::Hops(1)), ip(PROXY));
        let mapped = ip("::ffff:203.0.113.9");
        assert_eq!(client_addr(mapped, &HeaderMap::new(), &Trust::Direct), ip("203.0.113.9"));
    }
}
