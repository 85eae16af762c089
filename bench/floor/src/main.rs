//! The cheapest request axum can answer, on the same runtime as Carryover:
//! what `bench/callgrind.sh` divides every endpoint's cost by.

use axum::{Router, routing::get};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let app = Router::new().route("/", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!("floor is ready at http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
