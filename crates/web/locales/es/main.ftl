# Carryover — español. Palabras sencillas: las familias leen esto en el teléfono.

app-name = Carryover
skip-to-content = Ir al contenido principal
nav-label = Menú principal
footer-language = Idioma
footer-language-change = Cambiar idioma
lang-en = English
lang-es = Español

home-title = Práctica que cabe en su día
home-lead = Carryover ayuda a las familias y a los terapeutas a trabajar juntos. Usted y su terapeuta planean pasos pequeños. Usted los practica en sus rutinas diarias. Y ve lo que ayuda.
home-clinic-note = Su clínica le enviará un enlace para unirse.

error-title = Algo salió mal
error-not-found = No encontramos esta página.
error-bad-request = Algo en el formulario no estaba bien. Revíselo e intente de nuevo.
error-unauthorized = Inicie sesión para ver esta página.
error-forbidden = Bloqueamos este pedido para proteger su cuenta. Vuelva atrás e intente de nuevo.
error-too-many = Demasiados intentos. Espere { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
} e intente de nuevo.
error-conflict = Otra persona cambió esto. Vuelva a cargar la página.
error-payload-too-large = Lo que envió es demasiado grande.
error-timeout = Esto tardó demasiado. Intente de nuevo.
error-internal = Lo sentimos, algo falló de nuestro lado. Intente de nuevo en un momento.
error-unavailable = Carryover está iniciando o deteniéndose. Intente de nuevo en un momento.
error-go-home = Ir a la página de inicio

## Navegación
nav-home = Inicio
nav-people = Personas
nav-account = Contraseña
nav-sign-in = Entrar
nav-sign-out = Salir

## Entrar
login-title = Entrar
login-email = Correo electrónico
login-password = Contraseña
login-submit = Entrar
login-forgot = ¿Olvidó su contraseña? Pida un enlace nuevo a su clínica.
login-failed = El correo y la contraseña no coinciden. Intente de nuevo.
login-wait = Demasiados intentos. Por su seguridad, espere { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
} e intente de nuevo.

## Inicio
home-heading = Inicio
home-hello = Hola, { $name }
home-your-children = Sus niños
home-no-children = Todavía no hay un niño en su cuenta.
home-plan-soon = Aquí verá su plan de práctica de esta semana.
home-caseload = Sus pacientes
home-clinic-children = Niños de esta clínica
home-no-caseload = Todavía no hay niños.
home-who-accessed = Quién abrió este expediente
home-add-family = Agregar una familia

## Formularios
form-has-errors = Corrija los campos marcados abajo.

## Agregar una familia
household-title = Agregar una familia
household-lead = Agregue al niño y a una persona que lo cuida. Recibirá un enlace y un código QR para darle.
household-child = Niño
household-child-name = Nombre del niño (como lo llama la familia)
household-caregiver = Persona que cuida
household-caregiver-name = Nombre de la persona que cuida
household-caregiver-email = Correo electrónico
household-relationship = Relación con el niño
household-access = Qué puede ver
household-access-hint = Un tutor ve todo sobre el niño. Un ayudante ve el plan de práctica y puede anotar la práctica.
household-submit = Agregar familia y crear invitación
access-guardian = Tutor
access-helper = Ayudante
relationship-mother = Madre
relationship-father = Padre
relationship-grandparent = Abuelo o abuela
relationship-nanny = Niñera
relationship-daycare_teacher = Maestra de guardería
relationship-other = Otra

## Invitaciones
invitation-title = Invitación
invitation-for-caregiver = { $name } está invitado a seguir el plan de práctica de { $child }.
invitation-for-staff = { $name } está invitado a unirse a la clínica.
invitation-for-reset = Este es un enlace para que { $name } elija una contraseña nueva.
invitation-show-qr = Muestre este código a la persona. Lo escanea con la cámara de su teléfono.
invitation-qr-label = Código QR con el enlace de invitación
invitation-or-link = O envíele este enlace:
invitation-expiry = El enlace sirve una sola vez, durante 7 días.
invitation-done = Listo
invite-invalid-title = Este enlace no sirve
invite-invalid = Este enlace ya se usó o es muy viejo. Pida un enlace nuevo a su clínica.

## Aceptar una invitación
accept-title = Le damos la bienvenida
accept-hello = Le damos la bienvenida, { $name }
accept-lead = Elija una contraseña y un idioma. Después podrá ver su plan de práctica.
accept-reset-lead = Elija una contraseña nueva.
accept-password = Contraseña nueva
accept-password-hint = Al menos 8 caracteres. Unas palabras que pueda recordar funcionan bien.
accept-password-confirm = Escriba la contraseña otra vez
accept-language = Idioma
accept-submit = Guardar y seguir

## Cambio de contraseña
password-title = Cambiar su contraseña
password-lead = Después del cambio, se cerrará su sesión en los otros aparatos.
password-current = Contraseña actual
password-submit = Cambiar contraseña
password-changed = Su contraseña cambió. Se cerró la sesión en los otros aparatos.

## Expediente del niño
child-plan = Plan de práctica
child-plan-empty = Todavía no hay un plan de práctica.
child-about = Datos
child-birth-date = Fecha de nacimiento
child-languages = Idiomas en casa
child-notes = Notas
child-caregivers = Personas que lo cuidan
child-care-team = Equipo de terapia
child-primary = terapeuta principal
child-who-opened = Quién de la clínica abrió este expediente

## Registro de accesos
access-title = Quién abrió el expediente de { $name }
access-lead = Cada vez que alguien de la clínica abre el expediente de su niño, lo anotamos. Esta es la lista.
audit-child-title = Quién vio el expediente de { $name }
audit-child-lead = Cada lectura y cambio de la información de este niño.
audit-person-title = Qué vio { $name }
audit-person-lead = Todo lo que esta persona leyó o cambió.
audit-download = Descargar como CSV
audit-older = Ver registros anteriores
audit-empty = Nada todavía.
audit-caption = Lo más reciente primero. Las horas son las de la clínica.
audit-when = Cuándo
audit-who = Quién
audit-what = Qué
audit-child = Niño
audit-nobody = Sin sesión
audit-action-view = Abrió
audit-action-list = Vio la lista
audit-action-create = Creó
audit-action-update = Cambió
audit-action-delete = Borró
audit-action-export = Descargó
audit-action-sign_in = Entró
audit-action-failed_sign_in = No pudo entrar
audit-action-sign_out = Salió
audit-action-denied = Fue rechazado
audit-outcome-denied = rechazado
audit-outcome-failure = falló
audit-resource-child = el expediente
audit-resource-audit_log = el registro de accesos
audit-resource-person = una cuenta
audit-resource-session = la sesión
audit-resource-invitation = una invitación

## Personas
people-title = Personas de esta clínica
people-name = Nombre
people-role = Rol
people-status = Estado
people-actions = Acciones
people-what-accessed = Qué vio
people-reset = Crear enlace de contraseña
people-deactivate = Desactivar
people-deactivated = La persona fue desactivada y se cerraron todas sus sesiones.
people-invite = Invitar personal
people-invite-submit = Invitar
role-admin = Administración
role-therapist = Terapeuta
role-caregiver = Persona que cuida
status-active = Activa
status-invited = Invitada
status-inactive = Desactivada

## Inviting another caregiver
child-invite-caregiver = Invitar a otra persona que cuida
caregiver-title = Invitar a una persona que cuida
caregiver-heading = Invitar a una persona que cuida a { $name }
caregiver-lead = Un abuelo, una niñera u otro padre también puede seguir el plan de práctica. Recibe su propio enlace.
caregiver-submit = Crear invitación

## Qué estaba mal en un campo (un mensaje por código)
problem-required = Complete este campo.
problem-too_long = Esto es muy largo. Escríbalo más corto.
problem-unsafe_text = Use solo letras, números y signos comunes aquí.
problem-invalid_email = Escriba un correo como nombre@ejemplo.org.
problem-email_taken = Este correo ya se usa. Use otro correo.
problem-already_member = Esta persona ya está en esta familia.
problem-invalid_choice = Elija una de las opciones.
problem-password_too_short = Esta contraseña es muy corta. Use al menos 8 letras, números o signos.
problem-password_too_long = Esta contraseña es muy larga. Use como máximo 128 letras, números o signos.
problem-password_too_common = Esta contraseña es muy fácil de adivinar. Pruebe con unas palabras que pueda recordar.
problem-password_personal = No use su nombre ni su correo en la contraseña.
problem-password_mismatch = Las dos contraseñas no son iguales.
problem-password_wrong = Esa no es su contraseña actual.
problem-unknown_time_zone = No conocemos esta zona horaria. Use un nombre como America/Chicago.
problem-out_of_range = Este número está fuera del rango indicado.
problem-not_yourself = No puede hacer esto con su propia cuenta.

## Ajustes de la clínica
nav-settings = Ajustes
settings-title = Ajustes de la clínica
settings-name = Nombre de la clínica
settings-time-zone = Zona horaria
settings-time-zone-hint = La zona horaria de la clínica, como America/Chicago. Las semanas y el día de "hoy" se cuentan en ella.
settings-copm-threshold = Cambio importante en la COPM
settings-copm-threshold-hint = Un cambio de al menos estos puntos (de 1 a 9) se marca como clínicamente importante. Lo usual es 2.
settings-submit = Guardar ajustes
settings-saved = Los ajustes se guardaron.

## Invitaciones a un correo que ya se usa
accept-email-in-use = Este correo ya se usa en Carryover. Elija otro correo para usar con esta clínica.
accept-new-email = Correo para esta clínica
audit-listed = { $count ->
    [one] 1 niño o niña en la lista
   *[other] { $count } niños en la lista
}
audit-resource-household = una familia
audit-resource-api_token = una clave de la API
audit-resource-clinic = los ajustes de la clínica

## Fechas y horas
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-long = { $day } de { $month } de { $year }
time-am = { $hour }:{ $minute } a. m.
time-pm = { $hour }:{ $minute } p. m.
datetime-long = { $date }, { $time }

## Claves de la API (página de la cuenta)
tokens-title = Claves para la API
tokens-lead = Una clave permite que un programa use la API de Carryover en su nombre, con sus permisos y nada más. Guárdela en secreto como una contraseña.
tokens-new-heading = Su nueva clave
tokens-shown-once = Copie esta clave ahora. Por su seguridad, no la volveremos a mostrar.
tokens-none = No tiene claves.
tokens-name = Nombre
tokens-name-hint = Para qué es la clave, como "informe para la escuela".
tokens-created = Creada
tokens-expires = Termina
tokens-last-used = Último uso
tokens-never-used = Aún sin usar
tokens-state = Estado
tokens-live = Activa
tokens-revoked = Anulada
tokens-expired = Vencida
tokens-revoke = Anular
tokens-make = Crear una clave
tokens-days = Días hasta que termine (de 1 a 365)
tokens-submit = Crear clave
tokens-docs = Cómo usar la API

## Página de documentación de la API
api-docs-title = API de Carryover
api-docs-lead = Los programas pueden usar la misma información que estas páginas con una API JSON. Cada respuesta muestra solo lo que usted podría ver en las páginas. Los errores llegan como application/problem+json con un código para cada campo.
api-docs-document = El documento OpenAPI (JSON)
api-docs-example = Ejemplo
api-docs-operations = Operaciones
api-docs-parameters = Parámetros
api-docs-body = Cuerpo
api-docs-answer = Respuesta

## Issue 10: entrada en dos pasos
nav-two-factor = Entrada en dos pasos
code-title = Escriba su código
code-lead = La contraseña de { $name } es correcta. Un paso más protege los datos de los niños.
code-label = Código
code-hint = Los 6 números que muestra ahora su aplicación de autenticación, o uno de sus códigos de respaldo.
code-submit = Entrar
code-wrong = Ese código no funcionó. Escriba el código que muestra ahora su aplicación.
problem-code_wrong = Ese código no funcionó. Escriba el código que muestra ahora su aplicación.
two-factor-title = Entrada en dos pasos
two-factor-on = La entrada en dos pasos está activa. Cada vez que entre, se le pedirá un código de su aplicación.
two-factor-codes-left = { $count ->
    [one] Le queda un código de respaldo.
   *[other] Le quedan { $count } códigos de respaldo.
}
two-factor-lost-phone = ¿Perdió su teléfono y sus códigos de respaldo? Pida a la persona administradora de su clínica que restablezca su entrada en dos pasos.
two-factor-required = Su clínica pide a todo el personal activar la entrada en dos pasos antes de abrir el expediente de un niño o niña.
two-factor-lead = Con la entrada en dos pasos, una contraseña robada no basta para abrir su cuenta: cada vez que entre se le pedirá también un código de una aplicación en su teléfono.
two-factor-need-app = Necesita una aplicación de autenticación en su teléfono, como Google Authenticator, Microsoft Authenticator o 2FAS.
two-factor-start = Activar la entrada en dos pasos
two-factor-already = La entrada en dos pasos ya está activa.
enrol-title = Configure su aplicación de autenticación
enrol-step-scan = Abra su aplicación de autenticación y escanee este código QR, o escriba en ella la clave de abajo.
enrol-step-type = Escriba el código de 6 números que muestra ahora la aplicación, para comprobar que funciona.
enrol-qr-label = Código QR para su aplicación de autenticación
enrol-secret-label = Clave para escribir a mano:
enrol-submit = Activar la entrada en dos pasos
recovery-title = Sus códigos de respaldo
recovery-done = La entrada en dos pasos está activa. Se cerró su sesión en todos los demás dispositivos.
recovery-lead = Si pierde su teléfono, entre con uno de estos códigos en lugar de un código de la aplicación. Cada código funciona una sola vez.
recovery-once = Imprímalos o guárdelos en un lugar seguro ahora: es la única vez que se muestran.
recovery-continue = Ya guardé mis códigos
settings-second-factor = El personal debe usar la entrada en dos pasos
settings-second-factor-hint = Terapeutas y administradores configuran una aplicación de autenticación antes de abrir el expediente de un niño o niña. Recomendado para toda clínica.
people-reset-two-factor = Restablecer la entrada en dos pasos
people-two-factor-reset = Se restableció la entrada en dos pasos. Se cerró la sesión de esa persona, que la configurará de nuevo al entrar.
audit-action-open_chain = Inició el registro de accesos
audit-action-reset_second_factor = Restableció la entrada en dos pasos
error-second-factor-required = Su clínica exige la entrada en dos pasos. Actívela primero desde la página de su cuenta.
problem-second_factor_required = Su clínica exige primero la entrada en dos pasos. Actívela desde la página de su cuenta.
code-expired-title = Vuelva a entrar
code-expired = Esta entrada tardó demasiado y se detuvo para proteger su cuenta. Vuelva a entrar.
