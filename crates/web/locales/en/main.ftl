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
