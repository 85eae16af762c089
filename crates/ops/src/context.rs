//! What every operation needs: the database, the clock, a source of secrets,
//! the password hasher; and who is asking, from where.

use std::sync::Arc;

use carryover_domain::audit::{AuditAction, AuditResource};
use carryover_store::{
    Db,
    audit::{NewAuditEvent, Outcome},
    grant::Actor,
};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{clock::Clock, passwords::PasswordHasher, secrets::SecretSource};

/// The operations' handle. Cheap to clone; holds nothing that must survive
/// the process (several processes may share one PostgreSQL).
#[derive(Clone, Debug)]
pub struct Ops {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub secrets: Arc<dyn SecretSource>,
    pub passwords: PasswordHasher,
}

impl Ops {
    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }
}

/// Where a request came from, for audit rows and throttling.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub request_id: Option<Uuid>,
    pub client_addr: Option<String>,
}

impl RequestMeta {
    /// An audit row for this request, by `actor` (nobody when `None`).
    pub(crate) fn event(
        &self,
        actor: Option<&Actor>,
        action: AuditAction,
        resource_type: AuditResource,
        resource_id: Option<String>,
        child_id: Option<Uuid>,
    ) -> NewAuditEvent {
        NewAuditEvent {
            clinic_id: actor.map(Actor::clinic_id),
            actor_id: actor.map(Actor::person_id),
            actor_role: actor.map(|a| a.role().as_str()),
            action,
            resource_type,
            resource_id,
            child_id,
            outcome: Outcome::Success,
            request_id: self.request_id,
            client_addr: self.client_addr.clone(),
        }
    }
}

/// A signed-in person making a request.
#[derive(Clone, Debug)]
pub struct Who {
    pub actor: Actor,
    pub meta: RequestMeta,
}

impl Who {
    pub(crate) fn event(
        &self,
        action: AuditAction,
        resource_type: AuditResource,
        resource_id: Option<String>,
        child_id: Option<Uuid>,
    ) -> NewAuditEvent {
        self.meta.event(Some(&self.actor), action, resource_type, resource_id, child_id)
    }

    /// An audit row about one child, with the child as the resource.
    pub(crate) fn child_event(&self, action: AuditAction, child_id: Uuid) -> NewAuditEvent {
        self.event(action, AuditResource::Child, Some(child_id.to_string()), Some(child_id))
    }
}
