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
home-see-plan = See the practice plan
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
child-plan-empty = There is no agreed practice plan yet.
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
audit-resource-routine = the routines
audit-resource-goal = a goal
audit-resource-measure = ratings
audit-resource-plan = the practice plan
audit-resource-assignment = a practice in the plan
audit-resource-strategy = a strategy

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
## The joint plan (issue 11)
nav-strategies = Strategies
child-open-plan = Open the practice plan
child-goals = Goals
child-routines = Daily routines
problem-not_a_whole_number = Please enter a whole number, like 7.
problem-date_in_future = This date is in the future. Please use today or an earlier day.
problem-too_many_items = This list is too long. Please make it shorter.
problem-too_few_items = Please add at least one line here.
problem-too_many_rated = Rate performance and satisfaction for at most five goals at one time.
problem-both_scores_needed = Please give both performance and satisfaction, or neither.
problem-importance_needed = Please give the importance of this goal too.
problem-nothing_rated = Please rate at least one goal.
problem-no_gas_scale = This goal has no GAS scale yet.
problem-level_in_use = A rating uses level −3, so the scale keeps six levels.
problem-weight_needs_both = Give both importance and difficulty, or leave both empty.
problem-invalid_baseline = The starting level is −1 or −2.
problem-no_language_written = Please write the strategy in English or in Spanish.
problem-not_a_guardian = Please choose a guardian of this child.
problem-not_in_household = Please choose from this family's list.
problem-not_this_childs_goal = This goal is not one of this child's goals.
problem-unknown_strategy = Please pick a strategy from the list.
problem-invalid_time = Please enter a time, like 7:30 AM.
problem-empty_plan = Add at least one strategy to practice first.

## Words for the domain's codes
area-dressing = Dressing
area-feeding = Eating and meals
area-sleep = Sleep
area-toileting = Toileting
area-play = Play
area-fine_motor = Hand skills
area-sensory_regulation = Calm body and feelings
area-transitions_behaviour = Changes and behavior
area-social_participation = Playing with others
area-school_readiness = Getting ready for school
area-other = Other
routine-waking_up = Waking up
routine-dressing = Getting dressed
routine-meals = Breakfast and meals
routine-bath = Bath
routine-toothbrushing = Brushing teeth
routine-toileting = Toilet
routine-bedtime = Bedtime
routine-play = Play time
routine-car_rides = Car rides
routine-errands = Errands
routine-daycare_drop_off = Daycare drop-off
routine-removed = A routine that was removed
goal-status-active = Working on it
goal-status-achieved = Reached
goal-status-paused = On pause
goal-status-discontinued = Stopped
plan-status-draft = Draft
plan-status-shared = Waiting for the family
plan-status-agreed = Agreed
ages-years = Ages { $min } to { $max }
ages-months = { $min } to { $max } months

## Daily routines
routines-title = Daily routines
routines-lead = The moments of your day where practice can fit. Add the usual time if you like.
routines-usual-time = Usual time
routines-save-time = Save time
routines-add = Add your own routine
routines-name = Name
routines-name-hint = For example: walk to the bus stop.
routines-add-submit = Add routine

## Goals
goals-title = Goals for { $name }
goals-none = There are no goals yet.
goals-open = Ratings and scale
goals-new = Add a goal
goals-words = The goal, in the family's words
goals-words-hint = For example: Mia puts on her shoes by herself.
goals-area = Area
goals-new-submit = Add goal
goal-title = Goal
goal-status = Status
goal-change = Change this goal
goal-save = Save goal
rating-date = Date

## COPM
copm-title = COPM
copm-record = Record COPM ratings
copm-none = No COPM ratings yet.
copm-date = Date
copm-respondent = Who answered
copm-respondent-caregiver = Caregiver
copm-respondent-therapist = Therapist
copm-importance = Importance
copm-performance = Performance
copm-satisfaction = Satisfaction
copm-problem = Goal
copm-average = Average
copm-important = clinically important
copm-change-between = Change from { $first } to { $latest }
copm-important-hint = A change of at least the clinic's threshold is marked clinically important.
copm-form-title = COPM: first rating
copm-form-rerate = COPM: re-rating
copm-form-lead = Give each goal an importance from 1 to 10. Rate performance and satisfaction from 1 to 10 for up to five goals. Leave a goal empty to skip it.
copm-form-hint = Importance is filled in from last time. Change it if the family sees it differently now.
copm-no-goals = Add the family's goals first.
copm-submit = Save ratings

## GAS
gas-scale = Goal attainment scale (GAS)
gas-no-scale = This goal has no GAS scale yet.
gas-set-scale = Write the scale
gas-change-scale = Change the scale
gas-scale-hint = Describe what each level looks like for this child. Level 0 is the expected outcome.
gas-six-level = Six levels: add −3, worse than the starting level
gas-six-level-only = six-level scale only
gas-level = Level { $level }
gas-level-heading = Level
gas-what-it-looks-like = What it looks like
gas-baseline = Starting level
gas-weight-legend = Weight (optional)
gas-weight-hint = Importance and difficulty, each 0 to 3. The weight is importance × difficulty. Leave both empty for no weight.
gas-importance = Importance (0 to 3)
gas-difficulty = Difficulty (0 to 3)
gas-save-scale = Save scale
gas-weight = weight { $weight }
gas-weight-parts = Weight { $weight } (importance { $importance } × difficulty { $difficulty })
gas-unweighted = no weight
gas-not-rated = not rated
gas-summary = GAS: start { $baseline } · therapist { $therapist } · guardian { $guardian } · { $weight }
gas-rate = Rate this goal
gas-rates-as-therapist = You rate as the therapist.
gas-rates-as-guardian = You rate as a guardian. Your ratings are kept apart from the therapist's.
gas-which-level = Which level best fits now?
gas-rate-submit = Save rating
gas-ratings = Ratings
gas-rater = Rated by
gas-rater-therapist = Therapist
gas-rater-guardian = Guardian
gas-t-title = GAS T-score
gas-t-baseline = At the start
gas-t-therapist = Therapist's latest ratings
gas-t-guardian = Guardians' latest ratings
gas-t-over = Over { $count ->
    [one] 1 goal.
   *[other] { $count } goals.
}
gas-t-unweighted = Not every goal has a weight, so each goal counts 1.
gas-t-unrated = Not rated yet, left out: { $goals }.
gas-no-score-no_goals = No score yet: no goal in this set has a scale and a rating.
gas-no-score-all_weights_zero = No score: every goal in this set has weight 0.
gas-t-choose = Goals in the score
gas-t-submit = Show score
gas-t-hint = 50 means the goals were reached as expected. Above 50 is better than expected.

## Strategy library
strategies-title = Strategy library
strategies-lead = The starter strategies that come with Carryover, and your clinic's own.
strategies-search = Words to look for
strategies-area = Area
strategies-any-area = Any area
strategies-age = Child's age in years
strategies-search-submit = Search
strategies-count = { $count ->
    [one] 1 strategy
   *[other] { $count } strategies
}
strategies-none-found = No strategy matches. Try other words or any area.
strategies-clinic = Clinic library
strategies-starter = Starter library
strategies-new = Write a new strategy
strategies-edit = Edit strategy
strategies-copy = Copy to the clinic library
strategies-copy-lead = Copy this strategy to change it for your clinic. Plans that use a strategy keep the text they were agreed with.
strategies-open-copy = Open the clinic's copy
strategies-copied-from = Copied from the starter library
strategies-updated = Last changed on { $date } by { $name }
strategies-form-lead = Write in plain words, for a parent reading on a phone. Fill in English, Spanish or both.
strategies-areas = Areas
strategies-age-min = From age (months)
strategies-age-max = To age (months)
strategies-one-per-line = One per line.
strategies-save = Save strategy
strategy-part-title = Title
strategy-part-why = Why it helps
strategy-part-steps = Steps
strategy-part-tips = Tips
strategy-part-signs = Signs it is working
strategy-part-adaptations = Changes for your child
strategy-tips = Tips
strategy-signs = Signs it is working
strategy-adaptations = Changes for your child
strategy-no-text = (no text)

## The practice plan
plan-title = { $name }'s practice plan
plan-version-title = Version { $number }
plan-agreed-on = Agreed on { $date }.
plan-agreed-notice = Thank you. The plan is agreed. Everyone who helps your child sees it now.
plan-none-agreed = There is no agreed plan yet.
plan-new-for-you = A new plan is waiting for you
plan-new-for-you-lead = Your therapist made a new practice plan. Please read it and say if you agree.
plan-read-new = Read the new plan
plan-next-version = The next version
plan-open-draft = Version { $number } is a draft. Only the care team sees it.
plan-open-shared = Version { $number } was shared with the family on { $date }. It has waited { $days ->
    [0] less than a day
    [one] 1 day
   *[other] { $days } days
} for a guardian.
plan-edit-next = Edit the next version
plan-start-first = Start the first plan
plan-start-first-lead = Plan with the family: what matters to them, and what they will try.
plan-start-next = Start a new version
plan-start-next-lead = The family keeps the agreed plan until they agree to a new one.
plan-history = Plan history
plan-history-empty = No plan yet.
plan-started-on = Started on { $date }.
plan-no-changes = Nothing changed.
plan-what-changed = What changed
plan-priorities = What matters most to your family
plan-goals = Goals
plan-practice = What to practice
plan-no-assignments = Nothing to practice yet.
plan-when = When
plan-how-often = How often
plan-who = Who
plan-for-goals = For the goals
plan-any-caregiver = Any caregiver
plan-times-per-week = { $count ->
    [one] once a week
   *[other] { $count } times a week
}
plan-steps = Steps
plan-family-changes = Changes for your family
plan-tips-and-signs = Tips and signs it is working
plan-confirmed-therapist = Confirmed by { $name }, { $when }
plan-confirmed-own-device = Agreed by { $name } from their phone, { $when }
plan-confirmed-in-session = Agreed by { $name } in a session, { $when }
plan-confirm-heading = Do you agree with this plan?
plan-confirm-lead = Read the new plan below. If you agree, tap the button. Everyone who helps your child will then see it.
plan-confirm-lead-end = If you agree, tap the button. Everyone who helps your child will then see this plan.
plan-confirm = Yes, I agree
plan-confirm-not-yet = Not sure? Ask your therapist at your next visit or send a message.
plan-change-priorities = The family's priorities changed.
plan-change-goal_added = New goal: { $goal }
plan-change-goal_removed = Goal no longer in the plan: { $goal }
plan-change-assignment_added = New: { $strategy }
plan-change-assignment_removed = Stopped: { $strategy }
plan-change-assignment_changed = Changed: { $strategy } ({ $parts })
plan-part-routines = when
plan-part-target = how often
plan-part-who = who
plan-part-goals = goals
plan-part-changes = changes for your family

## The plan editor (therapists)
plan-editor-title = Plan
plan-editor-draft = Draft: only the care team sees it. Share it with the family when it is ready.
plan-editor-shared = Shared with the family on { $date }, waiting { $days ->
    [0] since today
    [one] 1 day
   *[other] { $days } days
} for a guardian. A change takes it back to draft.
plan-editor-agreed = This version was agreed and can no longer change. Start a new version to change the plan.
plan-read-version = Read this version
plan-priorities-label = In the family's own words
plan-priorities-hint = What matters most to them now.
plan-no-goals-yet = No goals yet.
plan-save-priorities = Save priorities and goals
plan-change-assignment = Change
plan-remove-assignment = Remove
plan-add = Add a strategy to practice
plan-search-age = Strategies that fit age { $years } years { $months } months.
plan-search-no-age = No date of birth: strategies for all ages.
plan-in-plan = already in the plan
plan-pick-strategy = Strategy
plan-routines = Routines
plan-routines-hint = Where practice fits in the family's day.
plan-times-label = Times a week (1 to 14)
plan-who-label = Who practices
plan-changes-label = Changes for this family (optional)
plan-changes-hint = How the steps change for this family, one per line.
plan-add-submit = Add to the plan
plan-save-assignment = Save
plan-share-heading = Share with the family
plan-share-hint = Sharing confirms the plan for the care team. A guardian then confirms it from their phone.
plan-share = Share with the family
plan-agree-with = Agreed now with a guardian who is here
plan-agree-hint = In a session, with the guardian present: the family sees the plan at once.
plan-agree = Record agreement

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

## Issue 12 part A: practice logs, "This week", measures from logs.
audit-resource-practice_log = practice logs
problem-log_id_taken = This log was already saved with other answers. Go back to "This week" and log it again.
problem-not_your_log = Only the person who logged this practice can change it.
problem-correction_closed = A log can be changed for 24 hours. This one is older, so it stays as it is.
home-child-record = record
week-heading = This week for { $name }
week-no-plan = There is no practice plan yet. Your therapist will make one with you.
week-summary = This week: { $done } of { $target } practices done.
week-progress = { $done } of { $target } this week
week-progress-own = You: { $done } of { $target } this week
week-log = Log a practice
week-back = Back to This week
week-see-logs = See all practice logs
log-title = Log a practice
log-one-title = Practice log
log-change = change
log-change-link = Other routine, person or time
log-prefilled = { $routine }, by { $who }, { $when }
log-you = you
log-routine = Routine
log-who = Who practised
log-when = When
log-when-now = now
log-when-earlier_today = earlier today
log-when-yesterday = yesterday
log-time = Time (optional)
log-time-hint = For earlier today or yesterday, if you remember.
log-how = How did it go?
log-response-went_well = Went well
log-response-mixed = Mixed
log-response-hard = Hard
log-strategy = Strategy
log-confidence = Confidence
log-confidence-question = How sure do you feel using this strategy? (0 to 10, optional)
log-confidence-hint = 0 means not at all, 10 means fully. This helps your therapist; it is not a test.
log-note = Note
log-note-hint = Optional. A line or two, up to 500 letters.
log-add-more = Add more (optional)
log-save-changes = Save
log-delete = Delete this log
log-change-window = You can change or delete your log for 24 hours.
log-saved = Saved. Thank you for practising!
log-saved-short = Saved. Thank you!
log-changed = Your changes are saved.
log-failed = It did not save. Check your connection and try again.
log-on-at = { $date } at { $time }
practice-title = Practice for { $name }
practice-logs = Practice logs
practice-your-logs = Your practice logs
practice-no-logs = No practice logged yet.
practice-older = Older logs
measure-heading = How practice is going
measure-household-caption = Practice done each week, all strategies together
measure-week-of = Week of
measure-done = Done
measure-this-week = This week
measure-last-weeks = Last weeks (done/goal)
measure-of-target = { $done } of { $target } ({ $percent }%)
measure-no-target = No goal that week
measure-streak = { $weeks ->
    [one] 1 week in a row on target
   *[other] { $weeks } weeks in a row on target
}
measure-never = No practice logged yet
measure-days-since = { $days ->
    [0] Last practice: today
    [one] Last practice: 1 day ago
   *[other] Last practice: { $days } days ago
}
measure-grid-heading = Where each strategy is used
measure-grid-hint = Each box shows how it went: went well · mixed · hard.
measure-cell = { $well } · { $mixed } · { $hard }
## Issue 12 part C: the caregiver's calendar feed
calendar-title = Practice in my calendar
calendar-lead = Put your practice plan in your phone's calendar. It shows the next four weeks: what to practice, in which routine, and when.
calendar-private = Keep the link private. Anyone who has it can see your practice times. It never shows your child's name or notes.
calendar-new-heading = Your calendar link
calendar-shown-once = Copy this link now and add it to your calendar app as a new calendar ("subscribe" or "add from URL"). We show it only once.
calendar-open-app = Open it in my calendar app
calendar-live-since = You have a calendar link. It works since { $name }.
calendar-none = You have no calendar link yet.
calendar-create = Make my calendar link
calendar-replace = Make a new link
calendar-replace-hint = A new link stops the old one. Use it if you shared the old link by mistake.
calendar-revoke = Turn off my calendar link
calendar-feed-name = Carryover practice
calendar-event-summary = { $strategy } · { $routine }
calendar-event-description = { $count ->
    [one] Practice once this week. Tell your therapist how it went in Carryover.
   *[other] Practice { $count } times this week. Tell your therapist how it went in Carryover.
}
calendar-visit-summary = Visit with your therapist
audit-resource-calendar_feed = the calendar link
# Issue 12 part B: guided reflections, flags, feedback threads, the inbox.
audit-resource-reflection = a reflection
audit-resource-feedback = messages
nav-inbox = Inbox
inbox-title = Inbox
inbox-lead = What families are waiting to hear back on, oldest first.
inbox-empty = Nothing is waiting for an answer.
inbox-since = Waiting since { $when }
inbox-subject-reflection = a reflection
inbox-subject-practice_log = a practice log
inbox-subject-child = a message
reflect-flag = Needs a change
reflect-title = How is it going?
reflect-next-session = For the next session
reflect-form-title = Tell your therapist how it went
reflect-form-lead = It takes a minute. Your therapist reads every answer.
reflect-about = What is this about?
reflect-about-week = The week as a whole
reflect-responded = Did your child respond well?
reflect-responded-yes = Yes
reflect-responded-somewhat = Somewhat
reflect-responded-no = No
reflect-difficulty = How hard was it to fit into your day?
reflect-difficulty-1 = 1 – Easy
reflect-difficulty-2 = 2 – Mostly easy
reflect-difficulty-3 = 3 – Some days hard
reflect-difficulty-4 = 4 – Hard
reflect-difficulty-5 = 5 – Very hard
reflect-difficulty-said = Fitting it in: { $level } out of 5
reflect-need = What do you need now?
reflect-need-keep_going = Keep going as we are
reflect-need-more_information = More information
reflect-need-practice_together = Practice it together at the next visit
reflect-need-change_strategy = Try a different strategy
reflect-need-try_another_routine = Try it in another part of the day
reflect-words = Anything else? (optional)
reflect-words-hint = In your own words. Up to 1000 characters.
reflect-send = Send
reflect-sent = Thank you. Your therapist will read it.
reflect-list = What you said
reflect-none = No one has written yet.
reflect-byline = { $name }, { $when }
reflect-handled-plan = The therapist changed the plan ({ $when }).
reflect-handled-answered = The therapist answered this ({ $when }).
reflect-one-title = A reflection
reflect-handle-lead = Talked it through, or nothing in the plan needs to change?
reflect-handle = Mark as handled
reflect-answer-handles = This answer handles it
feedback-answers = Answers
feedback-no-answers = No answers yet.
feedback-child-thread = Messages
feedback-child-thread-lead = Messages between the family and the care team.
feedback-no-messages = No messages yet.
feedback-your-message = Your message
feedback-message-hint = Up to 2000 characters.
feedback-send = Send
feedback-unread = { $count ->
    [one] 1 new
   *[other] { $count } new
}
feedback-new-title = New from your therapist
feedback-new-reflection = { $count ->
    [one] 1 new answer to what you said
   *[other] { $count } new answers to what you said
}
feedback-new-practice_log = { $count ->
    [one] 1 new note about your practice
   *[other] { $count } new notes about your practice
}
feedback-new-child = { $count ->
    [one] 1 new message
   *[other] { $count } new messages
}
child-reflections = How is it going?
child-messages = Messages
feedback-log-link = Messages about this practice
feedback-log-title = A practice
feedback-log-practised = { $name } practised on { $date }.
feedback-log-response-went_well = It went well.
feedback-log-response-mixed = It was mixed.
feedback-log-response-hard = It was hard.
## Issue 13: coaching visits — planned visits, the visit record along the five steps, the note, fidelity.
nav-visits = Visits
visits-title = Visits
visits-today = Today's visit
visits-start-record = Start today's visit record
visits-continue-record = Go on with the open visit record
visits-planned = Planned visits
visits-none-planned = No visit is planned yet.
visits-plan-next = Plan the next visit
visits-plan = Plan visit
visits-cancelled = Cancelled
visits-moved = Moved
visits-move-or-cancel = Move or cancel
visits-move = Move visit
visits-cancel = Cancel visit
visits-records = Visit records
visits-summaries = Visit summaries
visits-none-recorded = No visit yet.
visits-next = Next visit
visit-minutes = { $minutes } minutes
visit-date = Date
visit-time = Time
visit-setting = Where
visit-duration = How long (minutes)
visit-reason = Reason
visit-setting-clinic = At the clinic
visit-setting-home = At home
visit-setting-community = In the community
visit-setting-daycare = At daycare
visit-setting-telehealth = By video
visit-step-joint_plan = Joint plan review
visit-step-observation = Observation
visit-step-action = Action
visit-step-reflection = Reflection
visit-step-feedback = Feedback
visit-kind = What happened
visit-kind-modelled = Therapist modelled
visit-kind-observed = Therapist watched the caregiver
visit-kind-action = Caregiver practiced
visit-kind-reflection = Question and answer
visit-kind-modification = Change to a strategy
visit-steps-count = { $count } of 5 steps
visit-open = Open
visit-signed = Signed
visit-record-title = Visit record
visit-when-where = When and where
visit-attended = Who came
visit-others-present = Others who came (names)
visit-since-last = Since last time, in the caregiver's words
visit-agenda = Today's plan for the visit
visit-goals-addressed = Goals worked on today
visit-no-goals = This child has no goals yet.
visit-affirmed = What went well (said to the caregiver)
visit-suggested = What to try (suggested)
visit-information = Information shared
visit-modifications = Changes to strategies
visit-summary-title = Summary for the family
visit-summary = Summary for the family
visit-strategy = Strategy
visit-routine = Routine
visit-none-chosen = None
visit-question = Question asked
visit-answer = The caregiver's answer
visit-how-it-went = How it went
visit-change = The change
visit-change-reason = Why
visit-notes = Notes
visit-confidence = Caregiver's confidence (0 to 10)
visit-confidence-hint = How sure the caregiver feels using it: 0 not at all, 10 fully. Not a test score.
visit-save = Save
visit-saved = Saved
visit-save-failed = Not saved. Check your connection and try again.
visit-add-entry = Add
visit-remove-entry = Remove
visit-all-five = All five steps are written down.
visit-stale = This record was saved in another tab or device first. Your text was not lost: it is kept below the record. Look at both and save again.
visit-kept-title = Kept from saves that came second
visit-kept-line = { $name }: { $text }
visit-signed-locked = This visit's note is signed. It cannot be changed; add a note under it instead.
visit-note-link = Session note
visit-end = End the visit
visit-end-title = End the visit
visit-ended-already = This visit has ended.
visit-next-plan = Practice plan for the coming week
visit-no-plan = This child has no practice plan yet.
visit-guardian-agrees = The guardian here agrees to the plan
visit-no-agreement = No guardian agrees now (share the plan later)
visit-end-button = End the visit
visit-question-1 = What did you notice?
visit-question-2 = What worked?
visit-question-3 = What was hard?
visit-question-4 = What could you try next?
visit-note-title = Session note: { $name }
visit-note-when = { $date } at { $time }, { $setting }
visit-note-minutes = { $minutes } minutes
visit-therapist = Therapist
visit-present = Present
visit-note-missing = Steps not written down: { $steps }.
visit-note-because = because { $reason }
visit-note-confidence = confidence { $value } of 10
visit-note-signed = Signed by { $name } on { $date }.
visit-addenda = Added later
visit-addendum-by = Added by { $name } on { $date }
visit-note-text = Plain text, to copy
visit-edit-record = Change the record
visit-sign-hint = Once signed, the note cannot be changed. Later notes are added under it, with their date.
visit-sign = Sign the note
visit-addendum-label = Add a note under the signed note
visit-add-addendum = Add note
visit-share = Share the summary with the family
visit-unshare = Stop sharing the summary
fidelity-title = Coaching steps in visits
fidelity-hint = The share of visits with all five coaching steps written down.
fidelity-therapist = Therapist
fidelity-4-weeks = Last 4 weeks
fidelity-12-weeks = Last 12 weeks
fidelity-no-visits = No visits
fidelity-share = { $percent }% ({ $all } of { $total } visits)
problem-too_far_ahead = Pick a date within the next year.
problem-too_far_back = Pick a date within the last year.
problem-not_this_childs_strategy = This strategy is not in this child's plan.
questions-title = Reflection questions
questions-hint = Therapists pick from these during a visit. Write the clinic's own, one per line, or leave it empty to use these:
questions-label = The clinic's questions (one per line)
questions-saved = Saved.
audit-resource-visit = a planned visit
audit-resource-coaching_session = a visit record
## Issue 14: progress you can see — the progress page and the progress report.
child-progress = Progress
audit-resource-progress = the progress page
audit-resource-report = the progress report
audit-resource-clinic_metrics = the clinic figures
progress-title = Progress for { $name }
progress-lead = How the goals are going: the family's COPM ratings and the goal levels (GAS) over time.
progress-open-report = Progress report
progress-no-goals = There are no goals yet.
progress-copm-change = From { $first } to { $latest }: performance { $performance }; satisfaction { $satisfaction }.
progress-copm-never = Not rated with COPM yet.
progress-copm-once = Rated once, on { $date }. No re-rating yet, so no change to show.
progress-copm-chart = COPM ratings for “{ $goal }”
progress-gas-heading = Goal level (GAS)
progress-gas-no-scale = This goal has no GAS scale yet.
progress-gas-now = Started at { $baseline }. Latest level from the therapist: { $therapist }. From the family: { $guardian }.
progress-gas-chart = GAS level for “{ $goal }”
progress-gas-none = No GAS ratings yet.
progress-rater-therapist = Therapist
progress-rater-guardian = Family
progress-confidence-title = Caregiver confidence
progress-confidence-not-validated = How sure caregivers feel using the strategies, 0 to 10. This is not a validated instrument: use it to start a conversation, not to measure outcomes.
progress-confidence-none = No confidence ratings in these weeks yet.
progress-confidence-summary = { $count } ratings in these weeks. Latest weekly average: { $average } (week of { $week }). Not a validated instrument.
progress-confidence-series = Confidence
progress-week = Week of
progress-practice-heading = Practice at home
progress-adherence-title = Practice done each week
progress-adherence-series = Practice done
progress-adherence-summary = Latest week with a goal, { $week }: { $done }.
progress-adherence-none = No practice plan or practice logs in these weeks yet.
progress-responses-title = How the child responded each week
progress-responses-summary = In these weeks: { $well } went well, { $mixed } mixed, { $hard } hard.
progress-no-logs = No practice logs yet in these weeks.
progress-grid-none = No practice logs yet, so nothing to show about where the strategies are used.
progress-visits-heading = Visits
progress-visits-held = { $held ->
    [one] 1 visit held
   *[other] { $held } visits held
    }; { $five } with all five coaching steps ({ $percent }%).
progress-visits-none = No visits held in this time yet.
progress-visits-planned = Planned: { $planned }. Cancelled: { $cancelled }.
timeline-heading = Timeline
timeline-none = Nothing happened in these weeks.
timeline-older = Show older
timeline-visit = Visit
timeline-visit-held = Visit held
timeline-visit-scheduled = Visit planned
timeline-visit-cancelled = Visit cancelled
timeline-visit-steps = { $steps } of 5 coaching steps
timeline-log = Practice
timeline-confidence = confidence { $confidence } of 10
timeline-reflection = Reflection
timeline-reflection-week = About the week
timeline-flag-open = asks the team to look (open)
timeline-flag-handled = asked the team to look (done)
timeline-message = Message
timeline-about-reflection = About a reflection
timeline-about-log = About a practice
timeline-about-child = About the child
report-title = Progress report for { $name }
report-period = From { $from } to { $to }
report-period-until = Everything up to { $to }
report-made = Made on { $date }
report-goals = Goals
report-copm-start = COPM at the start
report-copm-now = COPM now
report-gas-start = GAS at the start
report-gas-now = GAS now (therapist)
report-copm-cell = Performance { $performance }, satisfaction { $satisfaction } ({ $date })
report-not-rated = Not rated yet
report-no-rerating = No re-rating yet
report-no-scale = No scale
report-score-who = Levels
report-score-value = T-score
report-score-note = Notes
report-summary = Therapist's summary
report-summary-none = No summary written yet.
report-summary-by = Written by { $name }, { $date }
report-summary-label = Summary for this report
report-summary-hint = What changed, what helped, and what comes next. The family can read it.
report-summary-save = Save summary
report-choose-period = Period of the report
report-from = From
report-to = To
report-show = Show this period
report-download = Download the report (PDF)
report-print-hint = You can also print this page: the menus and forms are left out.
report-footer = Carryover progress report. Confidential: about one child.
# Issue 14: the admin's clinic page.
nav-clinic = Clinic figures
clinic-title = Clinic figures
clinic-choose-period = Period
clinic-period = From { $from } to { $to }
clinic-percent = { $percent }%
clinic-active-title = Active households
clinic-households = { $count ->
    [one] 1 active household
   *[other] { $count } active households
}
clinic-active-rule = A household is active when one of its children is not discharged on the last day of the period and has a plan agreed by then.
clinic-adherence-heading = Practice done
clinic-adherence-title = Households by share of practice done
clinic-adherence-summary = { $count ->
    [one] 1 household had practice asked
   *[other] { $count } households had practice asked
}; the middle one did { $median }% of it.
clinic-adherence-no-target = No household had practice asked in these weeks.
clinic-adherence-empty = No active households in this period.
clinic-adherence-share = Share of practice done
clinic-adherence-households = Households
clinic-adherence-median = Median: { $median }% of the practice asked.
clinic-adherence-no-median = No median: no household had practice asked in these weeks.
clinic-adherence-rule = Each household: practices done (up to what was asked each week) divided by practices asked, over the Monday-to-Sunday weeks that overlap the period, each week counted whole.
clinic-bucket-0-24 = 0–24%
clinic-bucket-25-49 = 25–49%
clinic-bucket-50-74 = 50–74%
clinic-bucket-75-100 = 75–100%
clinic-bucket-no-target = Nothing asked
clinic-fidelity-title = Coaching steps by therapist
clinic-fidelity-visits = Visits
clinic-fidelity-average = Steps present, on average
clinic-fidelity-all-five = Visits with all five steps
clinic-fidelity-all-five-cell = { $all } of { $total }
clinic-fidelity-empty = No visits were held in this period.
clinic-fidelity-rule = Visits held in the period. A step counts when it is written down in the visit record.
clinic-copm-title = COPM: clinically important change
clinic-copm-share = { $important } of { $total } re-rated goals ({ $percent }%) had a clinically important change.
clinic-copm-empty = No goal was re-rated in this period.
clinic-copm-rule = A goal counts when its latest COPM rating in the period is a re-rating. The change is clinically important when performance or satisfaction went up by at least { $points } points since the goal's first rating.
clinic-gas-title = GAS: change in T-score
clinic-gas-change = The T-score changed by { $change } on average, over { $count ->
    [one] 1 child
   *[other] { $count } children
}.
clinic-gas-empty = No child has a GAS rating from a therapist in this period.
clinic-gas-rule = For each child: the T-score at the therapist's latest ratings in the period minus the T-score at the baselines, over the goals rated in the period. Then the average over the children.
# Issue 14: the caregiver's encouragement on the home screen.
encourage-heading = How you are doing
encourage-no-target = Your plan has no practice to count yet. When it does, you will see your weeks here.
encourage-week-none = The plan asks for no practice this week.
encourage-week-met = You practised { $done ->
    [one] 1 time
   *[other] { $done } times
} this week. The plan asks for { $target }. You did it!
encourage-week-left = You practised { $done ->
    [one] 1 time
   *[other] { $done } times
} this week. The plan asks for { $target }. { $left ->
    [one] One more to go!
   *[other] { $left } more to go!
}
encourage-streak = You did it every week for { $count } weeks.
encourage-last-week-met = Last week you did all of it. Great work!
encourage-keep-going = Every practice helps. Keep going!
encourage-chart-title = Your practice, week by week
encourage-chart-summary = Practices done each week and what the plan asks, for the last { $count } weeks.
encourage-week = Week
encourage-done = Done
encourage-asked = Plan asks
encourage-this-week = This week
encourage-last-week = Last week
encourage-weeks-ago = { $count } weeks ago

## Issue 14: caseload triage on the therapist's home.
triage-intro = Children who need you most come first: open flags, then the longest time without practice, then the lowest practice over the last 4 full weeks.
triage-show = Show
triage-apply = Show these children
triage-filter-all = All children ({ $count })
triage-filter-flags = Open flags ({ $count })
triage-filter-silent = No practice for 7 days or more ({ $count })
triage-filter-low = Below 50% over 4 weeks ({ $count })
triage-filter-awaiting = Waiting for your answer ({ $count })
triage-empty = No children match this choice.
triage-caption = Your caseload, by need
triage-col-child = Child
triage-col-flags = Open flags
triage-col-practice = Last practice
triage-col-week = This week
triage-col-four-weeks = Last 4 full weeks
triage-col-awaiting = Waiting for your answer
triage-col-plan = Plan to agree
triage-col-visit = Next visit
triage-days-ago = { $days ->
    [0] Today
    [1] Yesterday
   *[other] { $days } days ago
}
triage-never = No practice logged yet
triage-this-week = { $counted } of { $target } this week
triage-no-target-week = Nothing planned this week
triage-four-weeks = { $percent }% over 4 weeks
triage-no-target = No target yet
triage-percent = { $percent }%
triage-no-target-short = no target
triage-chart = { $name }, practice in each of the last 4 full weeks: { $weeks }
triage-flags = { $count ->
    [one] 1 open flag
   *[other] { $count } open flags
}
triage-awaiting = { $count ->
    [one] 1 waiting
   *[other] { $count } waiting
}
triage-none = None
triage-plan-waiting = Waiting for the family to agree
triage-no-visit = None planned
