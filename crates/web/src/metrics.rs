//! Prometheus text for `/metrics`: request counts by status class, requests in
//! flight, and whether the database answers. Counters are per process, as
//! Prometheus expects; nothing that matters lives only here.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

#[derive(Debug, Default)]
pub struct Metrics {
    by_class: [AtomicU64; 5],
    in_flight: AtomicI64,
}

impl Metrics {
    pub fn render(&self, db_ready: bool) -> String {
        let mut out = String::new();
        out.push_str(
            "# HELP carryover_http_requests_total HTTP responses sent, by status class.\n",
        );
        out.push_str("# TYPE carryover_http_requests_total counter\n");
        for (i, counter) in self.by_class.iter().enumerate() {
            let count = counter.load(Ordering::Relaxed);
            out.push_str(&format!(
                "carryover_http_requests_total{{status=\"{}xx\"}} {count}\n",
                i + 1
            ));
        }
        out.push_str("# HELP carryover_http_requests_in_flight Requests being served now.\n");
        out.push_str("# TYPE carryover_http_requests_in_flight gauge\n");
        out.push_str(&format!(
            "carryover_http_requests_in_flight {}\n",
            self.in_flight.load(Ordering::Relaxed)
        ));
        out.push_str(
            "# HELP carryover_database_ready 1 when the database answers and is migrated.\n",
        );
        out.push_str("# TYPE carryover_database_ready gauge\n");
        out.push_str(&format!("carryover_database_ready {}\n", u8::from(db_ready)));
        out.push_str("# HELP carryover_build_info Version of the running build.\n");
        out.push_str("# TYPE carryover_build_info gauge\n");
        out.push_str(&format!(
            "carryover_build_info{{version=\"{}\"}} 1\n",
            env!("CARGO_PKG_VERSION")
        ));
        out
    }
}

impl Metrics {
    pub fn started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    pub fn finished(&self, status: axum::http::StatusCode) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        let class = (status.as_u16() / 100).clamp(1, 5) as usize - 1;
        self.by_class[class].fetch_add(1, Ordering::Relaxed);
    }
}
