//! Several processes on one database: nothing that matters lives in one
//! process's memory.

use carryover_store::Backend;

use crate::{
    helpers::{TestClient, on_both_databases, spawn_app, spawn_sibling},
    world::{PASSWORD, Persona, World},
};

async fn a_session_started_on_one_process_is_honoured_and_ended_on_another(backend: Backend) {
    let a = spawn_app(backend).await;
    let b = spawn_sibling(&a).await;
    let world = World::build(&a).await;
    let token = world.client(Persona::Guardian).cookie("__Host-carryover").unwrap();
    let on_b = TestClient::new(&b.address);
    on_b.set_cookie("__Host-carryover", &token);
    let page = on_b.get(&format!("/children/{}", world.child)).await;
    assert_eq!(page.status(), 200, "process B knows the session process A started");
    assert_eq!(on_b.post_form("/logout", &[]).await.status(), 303);
    assert_eq!(
        world.client(Persona::Guardian).get("/home").await.status(),
        303,
        "and A knows B ended it"
    );
}

async fn throttling_counts_failures_made_on_every_process(backend: Backend) {
    let a = spawn_app(backend).await;
    let b = spawn_sibling(&a).await;
    let world = World::build(&a).await;
    let email = world.person(Persona::Guardian).email.clone();
    let (on_a, on_b) = (TestClient::new(&a.address), TestClient::new(&b.address));
    for i in 0..5 {
        let client = if i % 2 == 0 { &on_a } else { &on_b };
        client.post_form("/login", &[("email", &email), ("password", "wrong guess")]).await;
    }
    let refused = on_b.post_form("/login", &[("email", &email), ("password", PASSWORD)]).await;
    assert_eq!(
        refused.status(),
        429,
        "five failures spread over two processes still count as five"
    );
}

on_both_databases!(
    a_session_started_on_one_process_is_honoured_and_ended_on_another,
    throttling_counts_failures_made_on_every_process,
);
