use serde::{Deserialize, Serialize};

/// An email address, trimmed and lower-cased so that one person has one account.
/// The check is deliberately loose: the invitation link proves the address works.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(text: &str) -> Option<Email> {
        let email = text.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let valid = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && !domain.contains('@');
        valid.then_some(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        assert_eq!(Email::parse("  Ana@Example.ORG ").unwrap().as_str(), "ana@example.org");
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in
            ["", "ana", "ana@", "@example.org", "ana@example", "a b@example.org", "a@b@c.org"]
        {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
    }
}
