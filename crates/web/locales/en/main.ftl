# Carryover — English. Plain words: caregivers read this on a phone.

app-name = Carryover
skip-to-content = Skip to main content
nav-label = Main menu
footer-language = Language
footer-language-change = Change language
lang-en = English
lang-es = Español

home-title = Practice that fits your day
home-lead = Carryover helps families and therapists work together. Your therapist and you plan small steps. You practice them in your daily routines. You see what helps.
home-clinic-note = Your clinic will send you a link to join.

error-title = Something went wrong
error-not-found = We could not find this page.
error-bad-request = Something in the form was not right. Please check it and try again.
error-unauthorized = Please sign in to see this page.
error-forbidden = This request was blocked to keep your account safe. Go back and try again.
error-too-many = Too many tries. Please wait { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
} and try again.
error-conflict = This was changed by someone else. Please reload the page.
error-payload-too-large = What you sent is too large.
error-timeout = This took too long. Please try again.
error-internal = Sorry, something went wrong on our side. Please try again in a moment.
error-unavailable = Carryover is starting or stopping. Please try again in a moment.
error-go-home = Go to the start page

## Navigation
nav-home = Home
nav-people = People
nav-account = Password
nav-sign-in = Sign in
nav-sign-out = Sign out

## Sign-in
login-title = Sign in
login-email = Email
login-password = Password
login-submit = Sign in
login-forgot = Forgot your password? Ask your clinic for a new link.
login-failed = The email or the password is not right. Please try again.
login-wait = Too many tries. For your safety, please wait { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
} and try again.

## Home
home-heading = Home
home-hello = Hello, { $name }
home-your-children = Your children
home-no-children = No child is linked to your account yet.
home-plan-soon = Your practice plan for this week will show here.
home-caseload = Your caseload
home-clinic-children = Children at this clinic
home-no-caseload = No children yet.
home-who-accessed = Who opened this record
home-add-family = Add a family

## Forms
form-has-errors = Please fix the fields marked below.

## Adding a family
household-title = Add a family
household-lead = Add the child and one caregiver. You will get a link and a QR code to give the caregiver.
household-child = Child
household-child-name = Child's name (what the family calls them)
household-caregiver = Caregiver
household-caregiver-name = Caregiver's name
household-caregiver-email = Email
household-relationship = Relationship to the child
household-access = What they can see
household-access-hint = A guardian sees everything about the child. A helper sees the practice plan and can log practice.
household-submit = Add family and make invitation
access-guardian = Guardian
access-helper = Helper
relationship-mother = Mother
relationship-father = Father
relationship-grandparent = Grandparent
relationship-nanny = Nanny
relationship-daycare_teacher = Daycare teacher
relationship-other = Other

## Invitations
invitation-title = Invitation
invitation-for-caregiver = { $name } is invited to follow { $child }'s practice plan.
invitation-for-staff = { $name } is invited to join the clinic.
invitation-for-reset = Here is a link for { $name } to set a new password.
invitation-show-qr = Show this code to the person. They scan it with the camera of their phone.
invitation-qr-label = QR code with the invitation link
invitation-or-link = Or send them this link:
invitation-expiry = The link works one time, for 7 days.
invitation-done = Done
invite-invalid-title = This link does not work
invite-invalid = This link was already used or no longer works. Please ask your clinic for a new link.

## Accepting an invitation
accept-title = Welcome
accept-hello = Welcome, { $name }
accept-lead = Choose a password and a language. Then you can see your practice plan.
accept-reset-lead = Choose a new password.
accept-password = New password
accept-password-hint = At least 8 characters. A few words you can remember work well.
accept-password-confirm = Type the password again
accept-language = Language
accept-submit = Save and continue

## Password change
password-title = Change your password
password-lead = After the change, you are signed out on all other devices.
password-current = Current password
password-submit = Change password
password-changed = Your password was changed. Other devices are signed out.

## Child record
child-plan = Practice plan
child-plan-empty = There is no practice plan yet.
child-about = About
child-birth-date = Date of birth
child-languages = Languages at home
child-notes = Notes
child-caregivers = Caregivers
child-care-team = Care team
child-primary = primary therapist
child-who-opened = Who at the clinic opened this record

## Audit
access-title = Who opened { $name }'s record
access-lead = Each time someone at the clinic opens your child's record, we write it down. Here is the list.
audit-child-title = Who opened { $name }'s record
audit-child-lead = Every time someone opened or changed this child's information.
audit-person-title = What { $name } opened
audit-person-lead = Everything this person opened or changed.
audit-download = Download as CSV
audit-older = Show older entries
audit-empty = Nothing yet.
audit-caption = Newest first. Times are the clinic's local time.
audit-when = When
audit-who = Who
audit-what = What
audit-child = Child
audit-nobody = Not signed in
audit-action-view = Opened
audit-action-list = Listed
audit-action-create = Created
audit-action-update = Changed
audit-action-delete = Deleted
audit-action-export = Downloaded
audit-action-sign_in = Signed in
audit-action-failed_sign_in = Sign-in failed
audit-action-sign_out = Signed out
audit-action-denied = Was refused
audit-outcome-denied = refused
audit-outcome-failure = failed
audit-resource-child = the record
audit-resource-audit_log = the access log
audit-resource-person = an account
audit-resource-session = the session
audit-resource-invitation = an invitation

## People
people-title = People at this clinic
people-name = Name
people-role = Role
people-status = Status
people-actions = Actions
people-what-accessed = What they opened
people-reset = Make a password link
people-deactivate = Deactivate
people-deactivated = The person was deactivated and signed out everywhere.
people-invite = Invite staff
people-invite-submit = Invite
role-admin = Admin
role-therapist = Therapist
role-caregiver = Caregiver
status-active = Active
status-invited = Invited
status-inactive = Deactivated

## Inviting another caregiver
child-invite-caregiver = Invite another caregiver
caregiver-title = Invite a caregiver
caregiver-heading = Invite a caregiver for { $name }
caregiver-lead = A grandparent, a nanny or another parent can follow the practice plan too. Each person gets their own link.
caregiver-submit = Make invitation

## What was wrong with a field (one message per problem code)
problem-required = Please fill this in.
problem-too_long = This is too long. Please make it shorter.
problem-unsafe_text = Please use only letters, numbers and common signs here.
problem-invalid_email = Please enter an email address like name@example.org.
problem-email_taken = This email is already used. Please use another email.
problem-already_member = This person is already in this family.
problem-invalid_choice = Please pick one of the choices.
problem-password_too_short = This password is too short. Use at least 8 characters.
problem-password_too_long = This password is too long. Use at most 128 characters.
problem-password_too_common = This password is too easy to guess. Try a few words you can remember.
problem-password_personal = Do not use your name or email in your password.
problem-password_mismatch = The two passwords are not the same.
problem-password_wrong = That is not your current password.
problem-unknown_time_zone = We do not know this time zone. Use a name like America/Chicago.
problem-out_of_range = This number is outside the range shown.
problem-not_yourself = You cannot do this to your own account.

## Clinic settings
nav-settings = Settings
settings-title = Clinic settings
settings-name = Clinic name
settings-time-zone = Time zone
settings-time-zone-hint = The clinic's time zone, like America/Chicago. Weeks and "today" are counted in it.
settings-copm-threshold = Important COPM change
settings-copm-threshold-hint = A change of at least this many points (1 to 9) is marked as clinically important. Usually 2.
settings-submit = Save settings
settings-saved = The settings were saved.

## Invitations to an address already in use
accept-email-in-use = This email is already used with Carryover. Please choose another email to use with this clinic.
accept-new-email = Email for this clinic
audit-listed = { $count ->
    [one] 1 child shown
   *[other] { $count } children shown
}
audit-resource-household = a family
audit-resource-api_token = an API token
audit-resource-clinic = the clinic settings

## Dates and times
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $month } { $day }, { $year }
time-am = { $hour }:{ $minute } AM
time-pm = { $hour }:{ $minute } PM
datetime-long = { $date }, { $time }

## The people side (issue 9): child details, care teams, caregivers who leave, discharge
error-read-only = This child was discharged. The record can be read, but not changed.
form-cancel = Cancel
form-choose = Choose…
back-to-child = Back to the child's page
back-to-people = Back to People
home-closed = Earlier records
home-closed-until = Care at the clinic has ended. You can read this record until { $date }.
home-discharged = discharged
child-last-change = Last changed { $when }
child-last-change-by = Last changed { $when } by { $name }
child-discharged-on = Discharged on { $date }.
child-read-only = This record can be read, but not changed.
child-readmit = Re-admit
child-discharge = Discharge this child
child-discharge-reason = Reason for discharge
child-discharge-note = Discharge note
child-edit = Change details
child-manage-caregivers = Caregivers and what they can see
child-change-team = Change the care team
child-download-copy = Download a copy of your child's information
details-title = Change details
details-preferred-name = Name the family uses
details-birth-date-hint = Leave it empty if you do not know it.
details-submit = Save
household-therapist = Primary therapist
team-title = Care team
team-make-primary = Make primary therapist
team-remove = Remove from the team
team-add = Add a therapist
team-add-submit = Add to the team
caseload-title = Move caseload
caseload-which = Which children move
caseload-only-therapist = only therapist
caseload-to = Move them to
caseload-submit = Move
caseload-empty = No children are on this caseload.
caseload-moved = { $count ->
    [one] 1 child now has { $name } as therapist.
   *[other] { $count } children now have { $name } as therapist.
}
people-caseload = Move caseload
deactivate-title = Deactivate
deactivate-lead = This person can no longer sign in. They are signed out everywhere.
deactivate-children = Children with no other therapist
deactivate-move-to = Who takes these children
deactivate-submit = Deactivate
caregivers-title = Caregivers
caregivers-make-helper = Make helper
caregivers-make-guardian = Make guardian
caregivers-remove = Remove
caregivers-removed = { $name } was removed from the family.
caregivers-changed = { $name } can now see what their new access allows.
caregivers-remove-title = Remove a caregiver
caregivers-remove-question = Remove { $name } from the family?
caregivers-remove-lead = They will no longer see this family's children. If they are in no other family, they can no longer sign in.
caregivers-remove-yes = Yes, remove
caregivers-remove-no = No, go back
discharge-title = Discharge
discharge-lead = After discharge the record can be read, but not changed. Guardians can still read it for a while. You can re-admit the child later.
discharge-date = Date of discharge
discharge-submit = Discharge
readmit-needs-therapist = No therapist of this child is still at the clinic. Choose who takes the child.
readmit-therapist = Therapist
discharge-reason-goals_met = Goals met
discharge-reason-moved = The family moved
discharge-reason-family_choice = The family's choice
discharge-reason-transferred = Transferred to another provider
discharge-reason-no_coverage = No insurance or funding
discharge-reason-other = Other
settings-guardian-read-days = Days guardians can read after discharge
settings-guardian-read-days-hint = After a child is discharged, guardians can still read the record for this many days (0 to 3650). Usually 90.
settings-retention-years = Years to keep a discharged record
settings-retention-years-hint = A discharged child's record is removed this many years after discharge (1 to 100). Usually 7.
problem-invalid_date = Please enter a date.
problem-last_guardian = A family needs at least one guardian. Make someone else a guardian first.
problem-last_therapist = A child needs at least one therapist. Add another therapist first.
problem-not_a_therapist = Please choose a therapist of this clinic.
problem-already_on_team = This therapist is already on the team.
problem-not_on_team = This therapist is not on the team.
problem-not_in_family = This person is not in this family.
problem-not_on_caseload = Please choose children of this caseload.
problem-children_need_therapist = Some children have no other therapist. Choose who takes them.
problem-same_therapist = Please choose another therapist.
audit-resource-care_team = the care team
language-en = English
language-es = Spanish
language-zh = Chinese
language-vi = Vietnamese
language-ar = Arabic
language-so = Somali
language-ht = Haitian Creole
language-pt = Portuguese
language-fr = French
language-ru = Russian
language-ko = Korean
language-tl = Tagalog
language-hi = Hindi
language-ur = Urdu
language-bn = Bengali
language-fa = Persian (Farsi, Dari)
language-ps = Pashto
language-sw = Swahili
language-am = Amharic
language-ne = Nepali
language-my = Burmese
language-uk = Ukrainian
language-pl = Polish
language-ja = Japanese
language-de = German
language-hmn = Hmong
language-ase = American Sign Language
export-about = A copy of everything Carryover holds about your child that you can see. "fields" says what each field means; "data" holds the information. The .csv files hold the same, one table per file.
export-field-exported_at = When this copy was made (UTC).
export-field-child-child_id = Carryover's number for your child.
export-field-child-preferred_name = The name your family uses for your child.
export-field-child-household_name = The name of your family at the clinic.
export-field-child-date_of_birth = Date of birth (year-month-day), if the clinic has it.
export-field-child-home_languages = Languages spoken at home (language codes, such as "es" for Spanish).
export-field-child-notes = Notes about your child.
export-field-child-discharged_on = The day care at the clinic ended (year-month-day), if it did.
export-field-child-discharge_reason = Why care ended, if it did.
export-field-child-discharge_note = The clinic's note about the discharge.
export-field-caregivers-name = A caregiver's name.
export-field-caregivers-relationship = How the caregiver is related to your child.
export-field-caregivers-access = What the caregiver can see: guardian (everything) or helper (the practice plan).
export-field-care_team-name = A therapist on your child's care team.
export-field-care_team-is_primary = True for the primary therapist.
export-field-record_access-occurred_at = When someone at the clinic opened or changed your child's record (UTC).
export-field-record_access-who = Who it was.
export-field-record_access-role = Their role at the clinic.
export-field-record_access-action = What they did (view, list, create, update, delete, export).
export-field-record_access-what = What they opened or changed.
## API tokens (account page)
tokens-title = Tokens for the API
tokens-lead = A token lets a program use Carryover's API as you, with your rights and no more. Keep it secret like a password.
tokens-new-heading = Your new token
tokens-shown-once = Copy this token now. For your safety, we will not show it again.
tokens-none = You have no tokens.
tokens-name = Name
tokens-name-hint = What the token is for, like "school report script".
tokens-created = Made
tokens-expires = Ends
tokens-last-used = Last used
tokens-never-used = Not used yet
tokens-state = State
tokens-live = Active
tokens-revoked = Revoked
tokens-expired = Expired
tokens-revoke = Revoke
tokens-make = Make a token
tokens-days = Days until it ends (1 to 365)
tokens-submit = Make token
tokens-docs = How to use the API

## API documentation page
api-docs-title = Carryover API
api-docs-lead = Programs can use the same information as these pages through a JSON API. Every answer shows only what you could see on the pages. Errors come as application/problem+json with a code for each field.
api-docs-document = The OpenAPI document (JSON)
api-docs-example = Example
api-docs-operations = Operations
api-docs-parameters = Parameters
api-docs-body = Body
api-docs-answer = Answer

## Issue 10: two-step sign-in
nav-two-factor = Two-step sign-in
code-title = Enter your code
code-lead = The password for { $name } was right. One more step keeps the children's records safe.
code-label = Code
code-hint = The 6 digits your authenticator app shows now, or one of your recovery codes.
code-submit = Sign in
code-wrong = That code did not work. Type the code your app shows now.
problem-code_wrong = That code did not work. Type the code your app shows now.
two-factor-title = Two-step sign-in
two-factor-on = Two-step sign-in is on. Each sign-in asks for a code from your app.
two-factor-codes-left = { $count ->
    [one] You have one recovery code left.
   *[other] You have { $count } recovery codes left.
}
two-factor-lost-phone = Lost your phone and your recovery codes? Ask your clinic's admin to reset your two-step sign-in.
two-factor-required = Your clinic asks every staff member to turn on two-step sign-in before opening any child's record.
two-factor-lead = With two-step sign-in, a stolen password is not enough to open your account: each sign-in also asks for a code from an app on your phone.
two-factor-need-app = You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 2FAS.
two-factor-start = Set up two-step sign-in
two-factor-already = Two-step sign-in is already on.
enrol-title = Set up your authenticator app
enrol-step-scan = Open your authenticator app and scan this QR code, or type the key below into it.
enrol-step-type = Type the 6-digit code the app now shows, to check that it works.
enrol-qr-label = QR code for your authenticator app
enrol-secret-label = Key to type in by hand:
enrol-submit = Turn on two-step sign-in
recovery-title = Your recovery codes
recovery-done = Two-step sign-in is on. You are signed out on all other devices.
recovery-lead = If you lose your phone, sign in with one of these codes instead of a code from the app. Each code works once.
recovery-once = Print them or keep them somewhere safe now: this is the only time they are shown.
recovery-continue = I have kept my codes
settings-second-factor = Staff must use two-step sign-in
settings-second-factor-hint = Therapists and admins set up an authenticator app before they can open any child's record. Recommended for every clinic.
people-reset-two-factor = Reset two-step sign-in
people-two-factor-reset = Two-step sign-in was reset. That person was signed out and sets it up again at their next sign-in.
audit-action-open_chain = Started the audit trail
audit-action-reset_second_factor = Reset two-step sign-in
error-second-factor-required = Your clinic requires two-step sign-in. Turn it on from your account page first.
problem-second_factor_required = Your clinic requires two-step sign-in first. Turn it on from your account page.
code-expired-title = Please sign in again
code-expired = This sign-in took too long, so it was stopped to keep your account safe. Please sign in again.
