//! The list of use cases, by name. Every route that calls an operation says
//! which one, so a test can prove that everything a page can do, the JSON
//! API can do too.

use carryover_domain::code_enum;

code_enum! {
    pub enum Operation {
        SignIn = "auth.sign_in",
        SignOut = "auth.sign_out",
        ChangePassword = "account.change_password",
        SetLanguage = "account.set_language",
        OpenInvitation = "invitations.open",
        AcceptInvitation = "invitations.accept",
        ListChildren = "children.list",
        ViewChild = "children.view",
        CreateHousehold = "households.create",
        AddCaregiver = "caregivers.add",
        ListStaff = "staff.list",
        InviteStaff = "staff.invite",
        DeactivatePerson = "staff.deactivate",
        ResetLink = "staff.reset_link",
        ChildAuditLog = "audit_logs.child",
        AccessLog = "audit_logs.access",
        PersonAuditLog = "audit_logs.person",
        ViewSettings = "settings.view",
        UpdateSettings = "settings.update",
        CreateToken = "tokens.create",
        ListTokens = "tokens.list",
        RevokeToken = "tokens.revoke",
        ViewChildDetails = "child_details.form",
        UpdateChildDetails = "child_details.update",
        ViewCareTeam = "care_team.view",
        ChangeCareTeam = "care_team.change",
        ListCaregivers = "membership.list",
        ChangeAccess = "membership.change_access",
        RemoveCaregiver = "membership.remove",
        Discharge = "discharge.discharge",
        Readmit = "discharge.readmit",
        ExportChild = "export.for_guardian",
        ViewCaseload = "caseload.view",
        MoveCaseload = "caseload.move",
        DeactivationPreview = "staff.deactivation",
    }
}
