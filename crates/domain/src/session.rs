//! How long a sign-in lasts. Staff sit at shared clinic computers; caregivers
//! use their own phone, often one-handed, and should not have to sign in daily.

use time::{Duration, OffsetDateTime};

use crate::people::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Ends a session nobody used for this long.
    pub idle: Duration,
    /// Ends a session this long after sign-in, however busy.
    pub absolute: Duration,
}

impl SessionPolicy {
    pub fn for_role(role: Role) -> SessionPolicy {
        if role.is_staff() {
            SessionPolicy { idle: Duration::minutes(30), absolute: Duration::hours(12) }
        } else {
            SessionPolicy { idle: Duration::days(14), absolute: Duration::days(90) }
        }
    }

    pub fn is_live(
        &self,
        created_at: OffsetDateTime,
        last_seen_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> bool {
        now < last_seen_at + self.idle && now < created_at + self.absolute
    }
}

/// Touching `last_seen_at` on every request would turn each read into a
/// write; once a minute keeps idle expiry accurate to the minute.
pub const TOUCH_EVERY: Duration = Duration::minutes(1);

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn a_staff_session_ends_after_thirty_idle_minutes() {
        let policy = SessionPolicy::for_role(Role::Therapist);
        let start = datetime!(2026-11-02 09:00 UTC);
        assert!(policy.is_live(start, start, start + Duration::minutes(29)));
        assert!(!policy.is_live(start, start, start + Duration::minutes(30)));
    }

    #[test]
    fn a_caregiver_session_lasts_two_idle_weeks_but_not_beyond_ninety_days() {
        let policy = SessionPolicy::for_role(Role::Caregiver);
        let start = datetime!(2026-11-02 09:00 UTC);
        assert!(policy.is_live(start, start, start + Duration::days(13)));
        assert!(!policy.is_live(start, start, start + Duration::days(14)));
        let busy = start + Duration::days(90);
        assert!(!policy.is_live(start, busy - Duration::hours(1), busy));
    }
}
