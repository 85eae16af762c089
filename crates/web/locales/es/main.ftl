# Carryover — español. Palabras sencillas: las familias leen esto en el teléfono.
# Siempre "usted"; palabras que sirven para cualquier persona ("su niño o
# niña", "Responsable"); el sujeto dicho cuando no es usted quien actúa.
# Las palabras acordadas están en docs/glossary.md.

app-name = Carryover
skip-to-content = Ir al contenido principal
nav-label = Menú principal
footer-language = Idioma
footer-language-change = Cambiar idioma
lang-en = English
lang-es = Español

home-title = Práctica que cabe en su día
home-lead = Carryover ayuda a las familias y a los terapeutas a trabajar en equipo. Usted y su terapeuta planean pasos pequeños. Usted los practica en sus rutinas de cada día. Y ve lo que ayuda.
home-clinic-note = Su clínica le enviará un enlace para unirse.

error-title = Algo salió mal
error-not-found = No encontramos esta página.
error-bad-request = Algo en el formulario no estaba bien. Revíselo e intente de nuevo.
error-unauthorized = Inicie sesión para ver esta página.
error-forbidden = Bloqueamos esta acción para proteger su cuenta. Vuelva atrás e intente de nuevo.
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
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión

## Iniciar sesión
login-title = Iniciar sesión
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-forgot = ¿Olvidó su contraseña? Pida un enlace nuevo a su clínica.
login-failed = El correo o la contraseña está mal. Intente de nuevo.
login-wait = Demasiados intentos. Por su seguridad, espere { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
} e intente de nuevo.

## Inicio
home-heading = Inicio
home-hello = Hola, { $name }
home-your-children = Sus niños y niñas
home-no-children = Todavía no hay ningún niño o niña en su cuenta.
home-see-plan = Ver el plan de práctica
home-caseload = Sus pacientes
home-clinic-children = Niños y niñas de esta clínica
home-no-caseload = Todavía no hay niños ni niñas.
home-who-accessed = Quién abrió este expediente
home-add-family = Agregar una familia

## Formularios
form-has-errors = Corrija los campos marcados abajo.

## Agregar una familia
household-title = Agregar una familia
household-lead = Agregue al niño o niña y a una persona que lo cuida. Usted recibirá un enlace y un código QR para dárselos a esa persona.
household-child = Niño o niña
household-child-name = Nombre del niño o niña (como le dice la familia)
household-caregiver = Persona que cuida
household-caregiver-name = Nombre de la persona que cuida
household-caregiver-email = Correo electrónico
household-relationship = Relación con el niño o niña
household-access = Qué puede ver
household-access-hint = Responsable: ve todo sobre el niño o niña. Ayudante: ve el plan de práctica y puede anotar la práctica.
household-submit = Agregar familia y crear invitación
access-guardian = Responsable
access-helper = Ayudante
relationship-mother = Madre
relationship-father = Padre
relationship-grandparent = Abuela o abuelo
relationship-nanny = Niñera o niñero
relationship-daycare_teacher = Maestra o maestro de guardería
relationship-other = Otra relación

## Invitaciones
invitation-title = Invitación
invitation-for-caregiver = { $name } recibió una invitación para seguir el plan de práctica de { $child }.
invitation-for-staff = { $name } recibió una invitación para unirse a la clínica.
invitation-for-reset = Este es un enlace para que { $name } elija una contraseña nueva.
invitation-show-qr = Muestre este código a la persona. La persona lo escanea con la cámara de su teléfono.
invitation-qr-label = Código QR con el enlace de invitación
invitation-or-link = O envíele este enlace:
invitation-expiry = El enlace sirve una sola vez, durante 7 días.
invitation-done = Listo
invite-invalid-title = Este enlace no sirve
invite-invalid = Este enlace ya se usó o ya venció. Pida un enlace nuevo a su clínica.

## Aceptar una invitación
accept-title = Le damos la bienvenida
accept-hello = Le damos la bienvenida, { $name }
accept-lead = Elija una contraseña y un idioma. Después podrá ver su plan de práctica.
accept-reset-lead = Elija una contraseña nueva.
accept-password = Contraseña nueva
accept-password-hint = Al menos 8 letras, números o signos. Unas palabras que pueda recordar funcionan bien.
accept-password-confirm = Escriba la contraseña otra vez
accept-language = Idioma
accept-submit = Guardar y seguir

## Cambio de contraseña
password-title = Cambiar su contraseña
password-lead = Después del cambio, se cerrará su sesión en los otros aparatos.
password-current = Contraseña actual
password-submit = Cambiar contraseña
password-changed = Su contraseña cambió. Se cerró su sesión en los otros aparatos.

## Expediente del niño o niña
child-plan = Plan de práctica
child-plan-empty = Todavía no hay un plan de práctica acordado.
child-about = Datos
child-birth-date = Fecha de nacimiento
child-languages = Idiomas en casa
child-notes = Notas
child-caregivers = Personas que cuidan
child-care-team = Equipo de terapia
child-primary = terapeuta principal
child-who-opened = Quién de la clínica abrió este expediente

## Registro de quién abrió el expediente
access-title = Quién abrió el expediente de { $name }
access-lead = Cada vez que alguien de la clínica abre el expediente de su niño o niña, lo anotamos. Esta es la lista.
audit-child-title = Quién abrió el expediente de { $name }
audit-child-lead = Cada vez que alguien abrió o cambió la información de este niño o niña.
audit-person-title = Qué abrió { $name }
audit-person-lead = Todo lo que esta persona abrió o cambió.
audit-download = Descargar como CSV
audit-older = Ver registros anteriores
audit-empty = Nada todavía.
audit-caption = Lo más reciente primero. Las horas son las de la clínica.
audit-when = Cuándo
audit-who = Quién
audit-what = Qué
audit-child = Niño o niña
audit-nobody = Nadie con sesión iniciada
audit-action-view = Abrió
audit-action-list = Abrió la lista
audit-action-create = Creó
audit-action-update = Cambió
audit-action-delete = Borró
audit-action-export = Descargó
audit-action-sign_in = Inició sesión
audit-action-failed_sign_in = No pudo iniciar sesión
audit-action-sign_out = Cerró sesión
audit-action-denied = Sin permiso
audit-outcome-denied = sin permiso
audit-outcome-failure = falló
audit-resource-child = el expediente
audit-resource-audit_log = el registro de quién abrió el expediente
audit-resource-person = una cuenta
audit-resource-session = la sesión
audit-resource-invitation = una invitación

## Personas
people-title = Personas de esta clínica
people-name = Nombre
people-role = Rol
people-status = Estado
people-actions = Acciones
people-what-accessed = Qué abrió
people-reset = Crear enlace de contraseña
people-deactivate = Desactivar
people-deactivated = Se desactivó la cuenta y se cerraron todas sus sesiones.
people-invite = Invitar a alguien del personal
people-invite-submit = Invitar
role-admin = Administración
role-therapist = Terapeuta
role-caregiver = Persona que cuida
status-active = Activa
status-invited = Invitada
status-inactive = Desactivada

## Invitar a otra persona que cuida
child-invite-caregiver = Invitar a otra persona que cuida
caregiver-title = Invitar a una persona que cuida
caregiver-heading = Invitar a una persona que cuida a { $name }
caregiver-lead = Otra persona de la familia o que cuida al niño o niña (una abuela, una niñera, la otra mamá o el otro papá) también puede seguir el plan de práctica. Cada persona recibe su propio enlace.
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
problem-password_mismatch = Las dos contraseñas no son iguales. Escríbalas otra vez.
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
   *[other] { $count } niños y niñas en la lista
}
audit-resource-household = una familia
audit-resource-api_token = una clave de la API
audit-resource-clinic = los ajustes de la clínica
audit-resource-routine = las rutinas
audit-resource-goal = una meta
audit-resource-measure = las calificaciones
audit-resource-plan = el plan de práctica
audit-resource-assignment = una práctica del plan
audit-resource-strategy = una estrategia

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

## El lado de las personas (issue 9): datos del niño o niña, equipos de terapia, personas que dejan la familia, alta
error-read-only = Este niño o niña ya tiene el alta. Puede leer el expediente, pero no cambiarlo.
form-cancel = Cancelar
form-choose = Elija…
back-to-child = Volver a la página del niño o niña
back-to-people = Volver a Personas
home-closed = Expedientes anteriores
home-closed-until = La atención en la clínica terminó. Puede leer este expediente hasta el { $date }.
home-discharged = con alta
child-last-change = Último cambio: { $when }
child-last-change-by = Último cambio: { $when }, por { $name }
child-discharged-on = Alta el { $date }.
child-read-only = Puede leer este expediente, pero no cambiarlo.
child-readmit = Volver a admitir
child-discharge = Dar de alta
child-discharge-reason = Motivo del alta
child-discharge-note = Nota sobre el alta
child-edit = Cambiar datos
child-manage-caregivers = Personas que cuidan y qué pueden ver
child-change-team = Cambiar el equipo de terapia
child-download-copy = Descargar una copia de la información de su niño o niña
details-title = Cambiar datos
details-preferred-name = Nombre que usa la familia
details-birth-date-hint = Déjelo vacío si no la sabe.
details-submit = Guardar
household-therapist = Terapeuta principal
team-title = Equipo de terapia
team-make-primary = Hacer terapeuta principal
team-remove = Quitar del equipo
team-add = Agregar terapeuta
team-add-submit = Agregar al equipo
caseload-title = Pasar pacientes
caseload-which = Qué niños y niñas pasan
caseload-only-therapist = única persona terapeuta
caseload-to = Pasarlos a
caseload-submit = Pasar
caseload-empty = No hay niños ni niñas con esta persona terapeuta.
caseload-moved = { $count ->
    [one] Ahora 1 niño o niña tiene a { $name } como terapeuta.
   *[other] Ahora { $count } niños y niñas tienen a { $name } como terapeuta.
}
people-caseload = Pasar pacientes
deactivate-title = Desactivar
deactivate-lead = Esta persona ya no podrá iniciar sesión. Se cerrarán todas sus sesiones.
deactivate-children = Niños y niñas sin otra persona terapeuta
deactivate-move-to = Quién atiende a estos niños y niñas
deactivate-submit = Desactivar
caregivers-title = Personas que cuidan
caregivers-make-helper = Hacer Ayudante
caregivers-make-guardian = Hacer Responsable
caregivers-remove = Quitar
caregivers-removed = { $name } ya no está en la familia.
caregivers-changed = Se cambió lo que { $name } puede ver.
caregivers-remove-title = Quitar a una persona que cuida
caregivers-remove-question = ¿Quitar a { $name } de la familia?
caregivers-remove-lead = Esa persona ya no verá a los niños y niñas de esta familia. Si no está en otra familia, ya no podrá iniciar sesión.
caregivers-remove-yes = Sí, quitar
caregivers-remove-no = No, volver
discharge-title = Dar de alta
discharge-lead = Después del alta, el expediente se puede leer pero no cambiar. Las personas Responsables pueden leerlo un tiempo más. Más adelante puede volver a admitir al niño o niña.
discharge-date = Fecha del alta
discharge-submit = Dar de alta
readmit-needs-therapist = Ninguna persona terapeuta de este niño o niña sigue en la clínica. Elija quién lo atenderá.
readmit-therapist = Terapeuta
discharge-reason-goals_met = Logró sus metas
discharge-reason-moved = La familia se mudó
discharge-reason-family_choice = La familia lo decidió
discharge-reason-transferred = Pasó a otro proveedor
discharge-reason-no_coverage = Sin seguro o sin fondos
discharge-reason-other = Otro motivo
settings-guardian-read-days = Días que las personas Responsables pueden leer después del alta
settings-guardian-read-days-hint = Después del alta, las personas Responsables pueden leer el expediente durante estos días (de 0 a 3650). Lo usual es 90.
settings-retention-years = Años que se guarda un expediente con alta
settings-retention-years-hint = El expediente de un niño o niña con alta se borra estos años después del alta (de 1 a 100). Lo usual es 7.
problem-invalid_date = Escriba una fecha.
problem-last_guardian = Una familia necesita al menos una persona Responsable. Primero haga Responsable a otra persona.
problem-last_therapist = Cada niño o niña necesita al menos una persona terapeuta. Primero agregue otra.
problem-not_a_therapist = Elija una persona terapeuta de esta clínica.
problem-already_on_team = Esta persona terapeuta ya está en el equipo.
problem-not_on_team = Esta persona terapeuta no está en el equipo.
problem-not_in_family = Esta persona no está en esta familia.
problem-not_on_caseload = Elija niños o niñas de esta lista.
problem-children_need_therapist = Algunos niños o niñas no tienen otra persona terapeuta. Elija quién los atenderá.
problem-same_therapist = Elija otra persona terapeuta.
audit-resource-care_team = el equipo de terapia
language-en = inglés
language-es = español
language-zh = chino
language-vi = vietnamita
language-ar = árabe
language-so = somalí
language-ht = criollo haitiano
language-pt = portugués
language-fr = francés
language-ru = ruso
language-ko = coreano
language-tl = tagalo
language-hi = hindi
language-ur = urdu
language-bn = bengalí
language-fa = persa (farsi, dari)
language-ps = pastún
language-sw = suajili
language-am = amárico
language-ne = nepalí
language-my = birmano
language-uk = ucraniano
language-pl = polaco
language-ja = japonés
language-de = alemán
language-hmn = hmong
language-ase = lengua de señas americana
export-about = Una copia de todo lo que Carryover guarda sobre su niño o niña y que usted puede ver. "fields" dice qué significa cada dato; "data" tiene la información. Los archivos .csv tienen lo mismo, una tabla por archivo.
export-field-exported_at = Cuándo se hizo esta copia (hora UTC).
export-field-child-child_id = El número de su niño o niña en Carryover.
export-field-child-preferred_name = El nombre que usa su familia para su niño o niña.
export-field-child-household_name = El nombre de su familia en la clínica.
export-field-child-date_of_birth = Fecha de nacimiento (año-mes-día), si la clínica la tiene.
export-field-child-home_languages = Idiomas que se hablan en casa (códigos de idioma, como "es" para español).
export-field-child-notes = Notas sobre su niño o niña.
export-field-child-discharged_on = El día del alta (año-mes-día), si ya la tuvo.
export-field-child-discharge_reason = El motivo del alta, si ya la tuvo.
export-field-child-discharge_note = La nota de la clínica sobre el alta.
export-field-caregivers-name = El nombre de una persona que cuida.
export-field-caregivers-relationship = La relación de esa persona con su niño o niña.
export-field-caregivers-access = Qué puede ver: guardian (Responsable: todo) o helper (Ayudante: el plan de práctica).
export-field-care_team-name = Una persona terapeuta del equipo de su niño o niña.
export-field-care_team-is_primary = true para la persona terapeuta principal.
export-field-record_access-occurred_at = Cuándo alguien de la clínica abrió o cambió el expediente (hora UTC).
export-field-record_access-who = Quién fue.
export-field-record_access-role = Su rol en la clínica.
export-field-record_access-action = Qué hizo (view: abrió, list: abrió la lista, create: creó, update: cambió, delete: borró, export: descargó).
export-field-record_access-what = Qué abrió o cambió.
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
## El plan conjunto (issue 11)
nav-strategies = Estrategias
child-open-plan = Abrir el plan de práctica
child-goals = Metas
child-routines = Rutinas diarias
problem-not_a_whole_number = Escriba un número entero, por ejemplo 7.
problem-date_in_future = Esta fecha todavía no llega. Use la fecha de hoy o una anterior.
problem-too_many_items = La lista es muy larga. Acórtela, por favor.
problem-too_few_items = Escriba al menos una línea aquí.
problem-too_many_rated = Califique el desempeño y la satisfacción de cinco metas como máximo cada vez.
problem-both_scores_needed = Escriba el desempeño y la satisfacción, o deje los dos vacíos.
problem-importance_needed = Escriba también la importancia de esta meta.
problem-nothing_rated = Califique al menos una meta.
problem-no_gas_scale = Esta meta todavía no tiene escala GAS.
problem-level_in_use = Una calificación usa el nivel −3, así que la escala sigue con seis niveles.
problem-weight_needs_both = Escriba la importancia y la dificultad, o deje las dos vacías.
problem-invalid_baseline = El nivel de inicio es −1 o −2.
problem-no_language_written = Escriba la estrategia en inglés o en español.
problem-not_a_guardian = Elija a una persona responsable de este niño o niña.
problem-not_in_household = Elija una opción de la lista de esta familia.
problem-not_this_childs_goal = Esta meta no es de este niño o niña.
problem-unknown_strategy = Elija una estrategia de la lista.
problem-invalid_time = Escriba una hora, por ejemplo 7:30 a. m.
problem-empty_plan = Primero agregue al menos una estrategia para practicar.

## Palabras para los códigos
area-dressing = Vestirse
area-feeding = Comer y comidas
area-sleep = Sueño
area-toileting = Ir al baño
area-play = Juego
area-fine_motor = Uso de las manos
area-sensory_regulation = Calma del cuerpo y las emociones
area-transitions_behaviour = Cambios y conducta
area-social_participation = Jugar con otros
area-school_readiness = Prepararse para la escuela
area-other = Otra
routine-waking_up = Al despertar
routine-dressing = Al vestirse
routine-meals = Desayuno y comidas
routine-bath = Baño
routine-toothbrushing = Lavarse los dientes
routine-toileting = Ir al baño
routine-bedtime = Hora de dormir
routine-play = Hora de jugar
routine-car_rides = Viajes en carro
routine-errands = Mandados
routine-daycare_drop_off = Llegada a la guardería
routine-removed = Una rutina que se quitó
goal-status-active = En marcha
goal-status-achieved = Lograda
goal-status-paused = En pausa
goal-status-discontinued = Detenida
plan-status-draft = Borrador
plan-status-shared = Esperando a la familia
plan-status-agreed = Acordado
ages-years = De { $min } a { $max } años
ages-months = De { $min } a { $max } meses

## Rutinas diarias
routines-title = Rutinas diarias
routines-lead = Los momentos de su día donde puede practicar. Si quiere, agregue la hora de siempre.
routines-usual-time = Hora de siempre
routines-save-time = Guardar hora
routines-add = Agregar una rutina propia
routines-name = Nombre
routines-name-hint = Por ejemplo: caminar a la parada del autobús.
routines-add-submit = Agregar rutina

## Metas
goals-title = Metas de { $name }
goals-none = Todavía no hay metas.
goals-open = Calificaciones y escala
goals-new = Agregar una meta
goals-words = La meta, con las palabras de la familia
goals-words-hint = Por ejemplo: Mia se pone los zapatos sin ayuda.
goals-area = Área
goals-new-submit = Agregar meta
goal-title = Meta
goal-status = Estado
goal-change = Cambiar esta meta
goal-save = Guardar meta
rating-date = Fecha

## COPM
copm-title = COPM
copm-record = Anotar calificaciones COPM
copm-none = Todavía no hay calificaciones COPM.
copm-date = Fecha
copm-respondent = Quién respondió
copm-respondent-caregiver = Familia o cuidador
copm-respondent-therapist = Terapeuta
copm-importance = Importancia
copm-performance = Desempeño
copm-satisfaction = Satisfacción
copm-problem = Meta
copm-average = Promedio
copm-important = clínicamente importante
copm-change-between = Cambio del { $first } al { $latest }
copm-important-hint = Un cambio igual o mayor al umbral de la clínica se marca como clínicamente importante.
copm-form-title = COPM: primera calificación
copm-form-rerate = COPM: nueva calificación
copm-form-lead = Dé a cada meta una importancia del 1 al 10. Califique el desempeño y la satisfacción del 1 al 10 en hasta cinco metas. Deje una meta vacía para no incluirla.
copm-form-hint = La importancia viene de la vez anterior. Cámbiela si la familia ahora la ve de otra forma.
copm-no-goals = Primero agregue las metas de la familia.
copm-submit = Guardar calificaciones

## GAS
gas-scale = Escala de logro de metas (GAS)
gas-no-scale = Esta meta todavía no tiene escala GAS.
gas-set-scale = Escribir la escala
gas-change-scale = Cambiar la escala
gas-scale-hint = Describa cómo se ve cada nivel para este niño o niña. El nivel 0 es el resultado esperado.
gas-six-level = Seis niveles: agregar −3, peor que el nivel de inicio
gas-six-level-only = solo en la escala de seis niveles
gas-level = Nivel { $level }
gas-level-heading = Nivel
gas-what-it-looks-like = Cómo se ve
gas-baseline = Nivel de inicio
gas-weight-legend = Peso (opcional)
gas-weight-hint = Importancia y dificultad, cada una de 0 a 3. El peso es importancia × dificultad. Deje las dos vacías para no dar peso.
gas-importance = Importancia (0 a 3)
gas-difficulty = Dificultad (0 a 3)
gas-save-scale = Guardar escala
gas-weight = peso { $weight }
gas-weight-parts = Peso { $weight } (importancia { $importance } × dificultad { $difficulty })
gas-unweighted = sin peso
gas-not-rated = sin calificar
gas-summary = GAS: inicio { $baseline } · terapeuta { $therapist } · responsable { $guardian } · { $weight }
gas-rate = Calificar esta meta
gas-rates-as-therapist = Usted califica como terapeuta.
gas-rates-as-guardian = Usted califica como responsable. Sus calificaciones se guardan aparte de las del terapeuta.
gas-which-level = ¿Qué nivel describe mejor cómo va ahora?
gas-rate-submit = Guardar calificación
gas-ratings = Calificaciones
gas-rater = Calificó
gas-rater-therapist = Terapeuta
gas-rater-guardian = Responsable
gas-t-title = Puntaje T de GAS
gas-t-baseline = Al inicio
gas-t-therapist = Últimas calificaciones del terapeuta
gas-t-guardian = Últimas calificaciones de la familia
gas-t-over = { $count ->
    [one] Con 1 meta.
   *[other] Con { $count } metas.
}
gas-t-unweighted = No todas las metas tienen peso, así que cada meta cuenta 1.
gas-t-unrated = Sin calificar todavía, no se incluyen: { $goals }.
gas-no-score-no_goals = Todavía no hay puntaje: ninguna meta de este grupo tiene escala y calificación.
gas-no-score-all_weights_zero = No hay puntaje: todas las metas de este grupo tienen peso 0.
gas-t-choose = Metas del puntaje
gas-t-submit = Ver puntaje
gas-t-hint = 50 quiere decir que las metas se lograron como se esperaba. Más de 50 es mejor de lo esperado.

## Biblioteca de estrategias
strategies-title = Biblioteca de estrategias
strategies-lead = Las estrategias iniciales que vienen con Carryover y las propias de su clínica.
strategies-search = Palabras para buscar
strategies-area = Área
strategies-any-area = Cualquier área
strategies-age = Edad del niño o niña en años
strategies-search-submit = Buscar
strategies-count = { $count ->
    [one] 1 estrategia
   *[other] { $count } estrategias
}
strategies-none-found = Ninguna estrategia coincide. Pruebe otras palabras o cualquier área.
strategies-clinic = Biblioteca de la clínica
strategies-starter = Biblioteca inicial
strategies-new = Escribir una estrategia nueva
strategies-edit = Editar la estrategia
strategies-copy = Copiar a la biblioteca de la clínica
strategies-copy-lead = Copie esta estrategia para cambiarla para su clínica. Los planes que la usan guardan el texto con el que se acordaron.
strategies-open-copy = Abrir la copia de la clínica
strategies-copied-from = Copiada de la biblioteca inicial
strategies-updated = Último cambio el { $date }, por { $name }
strategies-form-lead = Escriba con palabras sencillas, para una familia que lee en el teléfono. Complete el inglés, el español o los dos.
strategies-areas = Áreas
strategies-age-min = Desde la edad (meses)
strategies-age-max = Hasta la edad (meses)
strategies-one-per-line = Una por línea.
strategies-save = Guardar estrategia
strategy-part-title = Título
strategy-part-why = Por qué ayuda
strategy-part-steps = Pasos
strategy-part-tips = Consejos
strategy-part-signs = Señales de que funciona
strategy-part-adaptations = Cambios para su niño o niña
strategy-tips = Consejos
strategy-signs = Señales de que funciona
strategy-adaptations = Cambios para su niño o niña
strategy-no-text = (sin texto)

## El plan de práctica
plan-title = Plan de práctica de { $name }
plan-version-title = Versión { $number }
plan-agreed-on = Acordado el { $date }.
plan-agreed-notice = Gracias. El plan quedó acordado. Ahora lo ven todas las personas que ayudan a su niño o niña.
plan-none-agreed = Todavía no hay un plan acordado.
plan-new-for-you = Hay un plan nuevo para usted
plan-new-for-you-lead = Su terapeuta hizo un plan de práctica nuevo. Léalo y díganos si está de acuerdo.
plan-read-new = Leer el plan nuevo
plan-next-version = La próxima versión
plan-open-draft = La versión { $number } es un borrador. Solo la ve el equipo de atención.
plan-open-shared = La versión { $number } se compartió con la familia el { $date }. Espera a una persona responsable desde hace { $days ->
    [0] menos de un día
    [one] 1 día
   *[other] { $days } días
}.
plan-edit-next = Editar la próxima versión
plan-start-first = Empezar el primer plan
plan-start-first-lead = Planee con la familia: lo que más les importa y lo que van a probar.
plan-start-next = Empezar una versión nueva
plan-start-next-lead = La familia sigue con el plan acordado hasta que acepte uno nuevo.
plan-history = Historial del plan
plan-history-empty = Todavía no hay plan.
plan-started-on = Empezado el { $date }.
plan-no-changes = No cambió nada.
plan-what-changed = Qué cambió
plan-priorities = Lo que más le importa a su familia
plan-goals = Metas
plan-practice = Qué practicar
plan-no-assignments = Todavía no hay nada para practicar.
plan-when = Cuándo
plan-how-often = Cada cuánto
plan-who = Quién
plan-for-goals = Para las metas
plan-any-caregiver = Cualquier persona que cuida
plan-times-per-week = { $count ->
    [one] una vez por semana
   *[other] { $count } veces por semana
}
plan-steps = Pasos
plan-family-changes = Cambios para su familia
plan-tips-and-signs = Consejos y señales de que funciona
plan-confirmed-therapist = Confirmado por { $name }, { $when }
plan-confirmed-own-device = Acordado por { $name } desde su teléfono, { $when }
plan-confirmed-in-session = Acordado por { $name } en una sesión, { $when }
plan-confirm-heading = ¿Está de acuerdo con este plan?
plan-confirm-lead = Lea el plan nuevo aquí abajo. Si está de acuerdo, toque el botón. Así lo verán todas las personas que ayudan a su niño o niña.
plan-confirm-lead-end = Si está de acuerdo, toque el botón. Así verán este plan todas las personas que ayudan a su niño o niña.
plan-confirm = Sí, estoy de acuerdo
plan-confirm-not-yet = ¿Tiene dudas? Pregúntele a su terapeuta en la próxima visita o mándele un mensaje.
plan-change-priorities = Cambió lo que más le importa a la familia.
plan-change-goal_added = Meta nueva: { $goal }
plan-change-goal_removed = Meta que ya no está en el plan: { $goal }
plan-change-assignment_added = Nuevo: { $strategy }
plan-change-assignment_removed = Ya no se practica: { $strategy }
plan-change-assignment_changed = Cambió: { $strategy } ({ $parts })
plan-part-routines = cuándo
plan-part-target = cada cuánto
plan-part-who = quién
plan-part-goals = metas
plan-part-changes = cambios para su familia

## El editor del plan (terapeutas)
plan-editor-title = Plan
plan-editor-draft = Borrador: solo lo ve el equipo de atención. Compártalo con la familia cuando esté listo.
plan-editor-shared = Compartido con la familia el { $date }. Espera a una persona responsable { $days ->
    [0] desde hoy
    [one] desde hace 1 día
   *[other] desde hace { $days } días
}. Un cambio lo devuelve a borrador.
plan-editor-agreed = Esta versión ya se acordó y no puede cambiar. Empiece una versión nueva para cambiar el plan.
plan-read-version = Leer esta versión
plan-priorities-label = Con las palabras de la familia
plan-priorities-hint = Lo que más les importa ahora.
plan-no-goals-yet = Todavía no hay metas.
plan-save-priorities = Guardar lo que importa y las metas
plan-change-assignment = Cambiar
plan-remove-assignment = Quitar
plan-add = Agregar una estrategia para practicar
plan-search-age = Estrategias para la edad de { $years } años y { $months } meses.
plan-search-no-age = Sin fecha de nacimiento: estrategias para todas las edades.
plan-in-plan = ya está en el plan
plan-pick-strategy = Estrategia
plan-routines = Rutinas
plan-routines-hint = Dónde cabe la práctica en el día de la familia.
plan-times-label = Veces por semana (1 a 14)
plan-who-label = Quién practica
plan-changes-label = Cambios para esta familia (opcional)
plan-changes-hint = Cómo cambian los pasos para esta familia, uno por línea.
plan-add-submit = Agregar al plan
plan-save-assignment = Guardar
plan-share-heading = Compartir con la familia
plan-share-hint = Al compartir, el equipo de atención confirma el plan. Después, una persona responsable lo confirma desde su teléfono.
plan-share = Compartir con la familia
plan-agree-with = Acordado ahora con una persona responsable que está aquí
plan-agree-hint = En una sesión, con la persona responsable presente: la familia ve el plan de inmediato.
plan-agree = Anotar el acuerdo

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

## Issue 12 part A: practice logs, "This week", measures from logs.
audit-resource-practice_log = registros de práctica
problem-log_id_taken = Este registro ya se guardó con otras respuestas. Vuelva a "Esta semana" y regístrelo de nuevo.
problem-not_your_log = Solo la persona que registró esta práctica puede cambiarla.
problem-correction_closed = Un registro se puede cambiar durante 24 horas. Este es más antiguo, así que se queda como está.
home-child-record = expediente
week-heading = Esta semana para { $name }
week-no-plan = Todavía no hay un plan de práctica. Su terapeuta lo hará con usted.
week-summary = Esta semana: { $done } de { $target } prácticas hechas.
week-progress = { $done } de { $target } esta semana
week-progress-own = Usted: { $done } de { $target } esta semana
week-log = Anotar una práctica
week-back = Volver a Esta semana
week-see-logs = Ver todas las prácticas anotadas
log-title = Anotar una práctica
log-one-title = Práctica anotada
log-change = cambiar
log-change-link = Otra rutina, persona u hora
log-prefilled = { $routine }, por { $who }, { $when }
log-you = usted
log-routine = Rutina
log-who = Quién practicó
log-when = Cuándo
log-when-now = ahora
log-when-earlier_today = hoy más temprano
log-when-yesterday = ayer
log-time = Hora (opcional)
log-time-hint = Para hoy más temprano o ayer, si la recuerda.
log-how = ¿Cómo le fue?
log-response-went_well = Bien
log-response-mixed = Más o menos
log-response-hard = Difícil
log-strategy = Estrategia
log-confidence = Confianza
log-confidence-question = ¿Qué tan seguro se siente al usar esta estrategia? (de 0 a 10, opcional)
log-confidence-hint = 0 es nada y 10 es totalmente. Esto ayuda a su terapeuta; no es un examen.
log-note = Nota
log-note-hint = Opcional. Una o dos líneas, hasta 500 letras.
log-add-more = Agregar más (opcional)
log-save-changes = Guardar
log-delete = Borrar esta práctica
log-change-window = Puede cambiar o borrar lo que anotó durante 24 horas.
log-saved = Guardado. ¡Gracias por practicar!
log-saved-short = Guardado. ¡Gracias!
log-changed = Sus cambios están guardados.
log-failed = No se guardó. Revise su conexión e inténtelo de nuevo.
log-on-at = { $date } a las { $time }
practice-title = Práctica de { $name }
practice-logs = Prácticas anotadas
practice-your-logs = Sus prácticas anotadas
practice-no-logs = Todavía no hay prácticas anotadas.
practice-older = Prácticas anteriores
measure-heading = Cómo va la práctica
measure-household-caption = Prácticas hechas cada semana, todas las estrategias juntas
measure-week-of = Semana del
measure-done = Hechas
measure-this-week = Esta semana
measure-last-weeks = Últimas semanas (hechas/meta)
measure-of-target = { $done } de { $target } ({ $percent } %)
measure-no-target = Sin meta esa semana
measure-streak = { $weeks ->
    [one] 1 semana seguida en la meta
   *[other] { $weeks } semanas seguidas en la meta
}
measure-never = Todavía no hay prácticas anotadas
measure-days-since = { $days ->
    [0] Última práctica: hoy
    [one] Última práctica: hace 1 día
   *[other] Última práctica: hace { $days } días
}
measure-grid-heading = Dónde se usa cada estrategia
measure-grid-hint = Cada casilla muestra cómo le fue: bien · más o menos · difícil.
measure-cell = { $well } · { $mixed } · { $hard }
## Issue 12 part C: el calendario de práctica de quien cuida
calendar-title = La práctica en mi calendario
calendar-lead = Ponga su plan de práctica en el calendario de su teléfono. Muestra las próximas cuatro semanas: qué practicar, en qué rutina y cuándo.
calendar-private = No comparta el enlace. Quien lo tenga puede ver sus horas de práctica. Nunca muestra el nombre ni las notas de su hijo o hija.
calendar-new-heading = Su enlace de calendario
calendar-shown-once = Copie este enlace ahora y agréguelo en su aplicación de calendario como un calendario nuevo («suscribirse» o «agregar desde URL»). Solo lo mostramos una vez.
calendar-open-app = Abrirlo en mi aplicación de calendario
calendar-live-since = Tiene un enlace de calendario. Funciona desde { $name }.
calendar-none = Todavía no tiene un enlace de calendario.
calendar-create = Crear mi enlace de calendario
calendar-replace = Crear un enlace nuevo
calendar-replace-hint = Un enlace nuevo hace que el anterior deje de funcionar. Úselo si compartió el enlace anterior por error.
calendar-revoke = Desactivar mi enlace de calendario
calendar-feed-name = Práctica de Carryover
calendar-event-summary = { $strategy } · { $routine }
calendar-event-description = { $count ->
    [one] Practique una vez esta semana. Cuéntele a su terapeuta cómo le fue en Carryover.
   *[other] Practique { $count } veces esta semana. Cuéntele a su terapeuta cómo le fue en Carryover.
}
calendar-visit-summary = Visita con su terapeuta
audit-resource-calendar_feed = el enlace de calendario
# Issue 12 part B: reflexiones guiadas, avisos, mensajes, la bandeja de entrada.
audit-resource-reflection = una reflexión
audit-resource-feedback = los mensajes
nav-inbox = Bandeja de entrada
inbox-title = Bandeja de entrada
inbox-lead = Lo que las familias esperan que usted responda, de lo más antiguo a lo más nuevo.
inbox-empty = No hay nada esperando respuesta.
inbox-since = Espera desde { $when }
inbox-subject-reflection = una reflexión
inbox-subject-practice_log = una práctica anotada
inbox-subject-child = un mensaje
reflect-flag = Necesita un cambio
reflect-title = ¿Cómo va?
reflect-next-session = Para la próxima sesión
reflect-form-title = Cuéntele a su terapeuta cómo le fue
reflect-form-lead = Toma un minuto. Su terapeuta lee cada respuesta.
reflect-about = ¿De qué se trata?
reflect-about-week = La semana en general
reflect-responded = ¿Su niño o niña respondió bien?
reflect-responded-yes = Sí
reflect-responded-somewhat = Más o menos
reflect-responded-no = No
reflect-difficulty = ¿Qué tan difícil fue hacerlo en su día?
reflect-difficulty-1 = 1 – Fácil
reflect-difficulty-2 = 2 – Casi siempre fácil
reflect-difficulty-3 = 3 – Algunos días difícil
reflect-difficulty-4 = 4 – Difícil
reflect-difficulty-5 = 5 – Muy difícil
reflect-difficulty-said = Hacerlo en el día: { $level } de 5
reflect-need = ¿Qué necesita ahora?
reflect-need-keep_going = Seguir como vamos
reflect-need-more_information = Más información
reflect-need-practice_together = Practicarlo juntos en la próxima visita
reflect-need-change_strategy = Probar otra estrategia
reflect-need-try_another_routine = Probarlo en otro momento del día
reflect-words = ¿Algo más? (opcional)
reflect-words-hint = Con sus propias palabras. Hasta 1000 caracteres.
reflect-send = Enviar
reflect-sent = Gracias. Su terapeuta lo leerá.
reflect-list = Lo que ha dicho
reflect-none = Nadie ha escrito todavía.
reflect-byline = { $name }, { $when }
reflect-handled-plan = Se cambió el plan por esto ({ $when }).
reflect-handled-answered = Su terapeuta ya respondió a esto ({ $when }).
reflect-one-title = Una reflexión
reflect-handle-lead = ¿Ya lo hablaron, o no hace falta cambiar nada en el plan?
reflect-handle = Marcar como atendido
reflect-answer-handles = Esta respuesta lo atiende
feedback-answers = Respuestas
feedback-no-answers = Todavía no hay respuestas.
feedback-child-thread = Mensajes
feedback-child-thread-lead = Mensajes entre la familia y el equipo de atención.
feedback-no-messages = Todavía no hay mensajes.
feedback-your-message = Su mensaje
feedback-message-hint = Hasta 2000 caracteres.
feedback-send = Enviar
feedback-unread = { $count ->
    [one] 1 nuevo
   *[other] { $count } nuevos
}
feedback-new-title = Novedades de su terapeuta
feedback-new-reflection = { $count ->
    [one] 1 respuesta nueva a lo que usted dijo
   *[other] { $count } respuestas nuevas a lo que usted dijo
}
feedback-new-practice_log = { $count ->
    [one] 1 nota nueva sobre su práctica
   *[other] { $count } notas nuevas sobre su práctica
}
feedback-new-child = { $count ->
    [one] 1 mensaje nuevo
   *[other] { $count } mensajes nuevos
}
child-reflections = ¿Cómo va?
child-messages = Mensajes
feedback-log-link = Mensajes sobre esta práctica
feedback-log-title = Una práctica
feedback-log-practised = { $name } practicó el { $date }.
feedback-log-response-went_well = Salió bien.
feedback-log-response-mixed = Salió más o menos.
feedback-log-response-hard = Fue difícil.
## Issue 13: visitas de coaching — visitas planeadas, el registro de la visita en cinco pasos, la nota, la fidelidad.
nav-visits = Visitas
visits-title = Visitas
visits-today = La visita de hoy
visits-start-record = Empezar el registro de la visita de hoy
visits-continue-record = Seguir con el registro abierto
visits-planned = Visitas planeadas
visits-none-planned = Todavía no hay ninguna visita planeada.
visits-plan-next = Planear la próxima visita
visits-plan = Planear visita
visits-cancelled = Cancelada
visits-moved = Cambiada de día
visits-move-or-cancel = Cambiar o cancelar
visits-move = Cambiar la visita
visits-cancel = Cancelar la visita
visits-records = Registros de visitas
visits-summaries = Resúmenes de las visitas
visits-none-recorded = Todavía no hay visitas.
visits-next = Próxima visita
visit-minutes = { $minutes } minutos
visit-date = Fecha
visit-time = Hora
visit-setting = Dónde
visit-duration = Cuánto dura (minutos)
visit-reason = Motivo
visit-setting-clinic = En la clínica
visit-setting-home = En casa
visit-setting-community = En la comunidad
visit-setting-daycare = En la guardería
visit-setting-telehealth = Por video
visit-step-joint_plan = Repaso del plan en conjunto
visit-step-observation = Observación
visit-step-action = Práctica
visit-step-reflection = Reflexión
visit-step-feedback = Comentarios
visit-kind = Qué pasó
visit-kind-modelled = La persona terapeuta mostró cómo
visit-kind-observed = La persona terapeuta observó a la persona que cuida
visit-kind-action = La persona que cuida practicó
visit-kind-reflection = Pregunta y respuesta
visit-kind-modification = Cambio a una estrategia
visit-steps-count = { $count } de 5 pasos
visit-open = Abierto
visit-signed = Firmado
visit-record-title = Registro de la visita
visit-when-where = Cuándo y dónde
visit-attended = Quién vino
visit-others-present = Otras personas que vinieron (nombres)
visit-since-last = Desde la última vez, en palabras de la persona que cuida
visit-agenda = El plan para la visita de hoy
visit-goals-addressed = Metas trabajadas hoy
visit-no-goals = Este niño o niña todavía no tiene metas.
visit-affirmed = Lo que salió bien (dicho a la persona que cuida)
visit-suggested = Qué probar (sugerencias)
visit-information = Información que se compartió
visit-modifications = Cambios a las estrategias
visit-summary-title = Resumen para la familia
visit-summary = Resumen para la familia
visit-strategy = Estrategia
visit-routine = Rutina
visit-none-chosen = Ninguna
visit-question = Pregunta que se hizo
visit-answer = La respuesta de la persona que cuida
visit-how-it-went = Cómo salió
visit-change = El cambio
visit-change-reason = Por qué
visit-notes = Notas
visit-confidence = Confianza de la persona que cuida (de 0 a 10)
visit-confidence-hint = Qué tan segura se siente la persona al usarla: 0 nada, 10 del todo. No es una prueba.
visit-save = Guardar
visit-saved = Guardado
visit-save-failed = No se guardó. Revise su conexión y vuelva a intentarlo.
visit-add-entry = Agregar
visit-remove-entry = Quitar
visit-all-five = Los cinco pasos están anotados.
visit-stale = Este registro se guardó antes en otra pestaña o aparato. Su texto no se perdió: está guardado debajo del registro. Mire los dos y vuelva a guardar.
visit-kept-title = Textos guardados aparte porque llegaron después
visit-kept-line = { $name }: { $text }
visit-signed-locked = La nota de esta visita está firmada. No se puede cambiar; agregue una nota debajo.
visit-note-link = Nota de la visita
visit-end = Terminar la visita
visit-end-title = Terminar la visita
visit-ended-already = Esta visita ya terminó.
visit-next-plan = Plan de práctica para la próxima semana
visit-no-plan = Este niño o niña todavía no tiene plan de práctica.
visit-guardian-agrees = La persona Responsable que está aquí está de acuerdo con el plan
visit-no-agreement = Ninguna persona Responsable está de acuerdo ahora (compartir el plan después)
visit-end-button = Terminar la visita
visit-question-1 = ¿Qué notó?
visit-question-2 = ¿Qué funcionó?
visit-question-3 = ¿Qué fue difícil?
visit-question-4 = ¿Qué podría probar ahora?
visit-note-title = Nota de la visita: { $name }
visit-note-when = { $date } a las { $time }, { $setting }
visit-note-minutes = { $minutes } minutos
visit-therapist = Terapeuta
visit-present = Presentes
visit-note-missing = Pasos sin anotar: { $steps }.
visit-note-because = porque { $reason }
visit-note-confidence = confianza { $value } de 10
visit-note-signed = Firmada por { $name } el { $date }.
visit-addenda = Agregado después
visit-addendum-by = Agregado por { $name } el { $date }
visit-note-text = Texto simple, para copiar
visit-edit-record = Cambiar el registro
visit-sign-hint = Una vez firmada, la nota no se puede cambiar. Las notas que vengan después se agregan debajo, con su fecha.
visit-sign = Firmar la nota
visit-addendum-label = Agregar una nota debajo de la nota firmada
visit-add-addendum = Agregar nota
visit-share = Compartir el resumen con la familia
visit-unshare = Dejar de compartir el resumen
fidelity-title = Pasos del coaching en las visitas
fidelity-hint = La parte de las visitas con los cinco pasos del coaching anotados.
fidelity-therapist = Terapeuta
fidelity-4-weeks = Últimas 4 semanas
fidelity-12-weeks = Últimas 12 semanas
fidelity-no-visits = No hay visitas
fidelity-share = { $percent } % ({ $all } de { $total } visitas)
problem-too_far_ahead = Elija una fecha dentro del próximo año.
problem-too_far_back = Elija una fecha dentro del último año.
problem-not_this_childs_strategy = Esta estrategia no está en el plan de este niño o niña.
questions-title = Preguntas para reflexionar
questions-hint = Las personas terapeutas eligen entre estas durante una visita. Escriba las de la clínica, una por línea, o déjelo vacío para usar estas:
questions-label = Las preguntas de la clínica (una por línea)
questions-saved = Guardado.
audit-resource-visit = una visita planeada
audit-resource-coaching_session = un registro de visita
## Issue 14: progreso a la vista — la página de progreso y el informe de progreso.
child-progress = Progreso
audit-resource-progress = la página de progreso
audit-resource-report = el informe de progreso
audit-resource-clinic_metrics = las cifras de la clínica
progress-title = Progreso de { $name }
progress-lead = Cómo van las metas: las calificaciones COPM de la familia y el nivel de cada meta (GAS) con el tiempo.
progress-open-report = Informe de progreso
progress-no-goals = Todavía no hay metas.
progress-copm-change = Del { $first } al { $latest }: desempeño { $performance }; satisfacción { $satisfaction }.
progress-copm-never = Todavía sin calificación COPM.
progress-copm-once = Calificada una vez, el { $date }. Todavía no hay una nueva calificación, así que no hay cambio que mostrar.
progress-copm-chart = Calificaciones COPM de «{ $goal }»
progress-gas-heading = Nivel de la meta (GAS)
progress-gas-no-scale = Esta meta todavía no tiene escala GAS.
progress-gas-now = Empezó en { $baseline }. Último nivel según el terapeuta: { $therapist }. Según la familia: { $guardian }.
progress-gas-chart = Nivel GAS de «{ $goal }»
progress-gas-none = Todavía no hay calificaciones GAS.
progress-rater-therapist = Terapeuta
progress-rater-guardian = Familia
progress-confidence-title = Confianza de las personas que cuidan
progress-confidence-not-validated = Qué tan seguras se sienten las personas que cuidan al usar las estrategias, de 0 a 10. No es un instrumento validado: sirve para empezar una conversación, no para medir resultados.
progress-confidence-none = Todavía no hay puntajes de confianza en estas semanas.
progress-confidence-summary = { $count } puntajes en estas semanas. Último promedio semanal: { $average } (semana del { $week }). No es un instrumento validado.
progress-confidence-series = Confianza
progress-week = Semana del
progress-practice-heading = Práctica en casa
progress-adherence-title = Práctica hecha cada semana
progress-adherence-series = Práctica hecha
progress-adherence-summary = Última semana con meta, { $week }: { $done }.
progress-adherence-none = Todavía no hay plan de práctica ni registros en estas semanas.
progress-responses-title = Cómo respondió cada semana
progress-responses-summary = En estas semanas: { $well } bien, { $mixed } más o menos, { $hard } difícil.
progress-no-logs = Todavía no hay registros de práctica en estas semanas.
progress-grid-none = Todavía no hay registros de práctica, así que no se ve dónde se usan las estrategias.
progress-visits-heading = Visitas
progress-visits-held = { $held ->
    [one] 1 visita hecha
   *[other] { $held } visitas hechas
    }; { $five } con los cinco pasos del coaching ({ $percent } %).
progress-visits-none = Todavía no hay visitas hechas en este tiempo.
progress-visits-planned = Planeadas: { $planned }. Canceladas: { $cancelled }.
timeline-heading = Línea de tiempo
timeline-none = No pasó nada en estas semanas.
timeline-older = Ver lo anterior
timeline-visit = Visita
timeline-visit-held = Visita hecha
timeline-visit-scheduled = Visita planeada
timeline-visit-cancelled = Visita cancelada
timeline-visit-steps = { $steps } de 5 pasos del coaching
timeline-log = Práctica
timeline-confidence = confianza { $confidence } de 10
timeline-reflection = Reflexión
timeline-reflection-week = Sobre la semana
timeline-flag-open = pide que el equipo lo revise (abierto)
timeline-flag-handled = pidió que el equipo lo revisara (listo)
timeline-message = Mensaje
timeline-about-reflection = Sobre una reflexión
timeline-about-log = Sobre una práctica
timeline-about-child = Sobre el niño o la niña
report-title = Informe de progreso de { $name }
report-period = Del { $from } al { $to }
report-period-until = Todo hasta el { $to }
report-made = Hecho el { $date }
report-goals = Metas
report-copm-start = COPM al inicio
report-copm-now = COPM ahora
report-gas-start = GAS al inicio
report-gas-now = GAS ahora (terapeuta)
report-copm-cell = Desempeño { $performance }, satisfacción { $satisfaction } ({ $date })
report-not-rated = Sin calificar todavía
report-no-rerating = Sin nueva calificación todavía
report-no-scale = Sin escala
report-score-who = Niveles
report-score-value = Puntaje T
report-score-note = Notas
report-summary = Resumen del terapeuta
report-summary-none = Todavía no hay un resumen.
report-summary-by = Escrito por { $name }, { $date }
report-summary-label = Resumen de este informe
report-summary-hint = Qué cambió, qué ayudó y qué sigue. La familia puede leerlo.
report-summary-save = Guardar resumen
report-choose-period = Periodo del informe
report-from = Desde
report-to = Hasta
report-show = Ver este periodo
report-download = Descargar el informe (PDF)
report-print-hint = También puede imprimir esta página: los menús y formularios no se imprimen.
report-footer = Informe de progreso de Carryover. Confidencial: sobre un niño o niña.
# Issue 14: the admin's clinic page.
nav-clinic = Cifras de la clínica
clinic-title = Cifras de la clínica
clinic-choose-period = Periodo
clinic-period = Del { $from } al { $to }
clinic-percent = { $percent } %
clinic-active-title = Familias activas
clinic-households = { $count ->
    [one] 1 familia activa
   *[other] { $count } familias activas
}
clinic-active-rule = Una familia está activa cuando uno de sus niños no tiene el alta el último día del periodo y tiene un plan acordado para entonces.
clinic-adherence-heading = Práctica hecha
clinic-adherence-title = Familias según la parte de la práctica hecha
clinic-adherence-summary = { $count ->
    [one] A 1 familia se le pidió práctica
   *[other] A { $count } familias se les pidió práctica
}; la del medio hizo el { $median } % de ella.
clinic-adherence-no-target = No se pidió práctica a ninguna familia en estas semanas.
clinic-adherence-empty = No hay familias activas en este periodo.
clinic-adherence-share = Parte de la práctica hecha
clinic-adherence-households = Familias
clinic-adherence-median = Mediana: el { $median } % de la práctica pedida.
clinic-adherence-no-median = Sin mediana: no se pidió práctica a ninguna familia en estas semanas.
clinic-adherence-rule = Cada familia: prácticas hechas (hasta lo pedido cada semana) divididas entre las prácticas pedidas, en las semanas de lunes a domingo que tocan el periodo, cada semana entera.
clinic-bucket-0-24 = 0–24 %
clinic-bucket-25-49 = 25–49 %
clinic-bucket-50-74 = 50–74 %
clinic-bucket-75-100 = 75–100 %
clinic-bucket-no-target = Nada pedido
clinic-fidelity-title = Pasos del coaching por terapeuta
clinic-fidelity-visits = Visitas
clinic-fidelity-average = Pasos presentes, en promedio
clinic-fidelity-all-five = Visitas con los cinco pasos
clinic-fidelity-all-five-cell = { $all } de { $total }
clinic-fidelity-empty = No hubo visitas en este periodo.
clinic-fidelity-rule = Visitas hechas en el periodo. Un paso cuenta cuando está anotado en el registro de la visita.
clinic-copm-title = COPM: cambio clínicamente importante
clinic-copm-share = { $important } de { $total } objetivos evaluados de nuevo ({ $percent } %) tuvieron un cambio clínicamente importante.
clinic-copm-empty = Ningún objetivo se evaluó de nuevo en este periodo.
clinic-copm-rule = Un objetivo cuenta cuando su última evaluación COPM del periodo es una nueva evaluación. El cambio es clínicamente importante cuando el desempeño o la satisfacción subió al menos { $points } puntos desde la primera evaluación del objetivo.
clinic-gas-title = GAS: cambio en la puntuación T
clinic-gas-change = La puntuación T cambió { $change } en promedio, en { $count ->
    [one] 1 niño o niña
   *[other] { $count } niños
}.
clinic-gas-empty = Ningún niño tiene una evaluación GAS de un terapeuta en este periodo.
clinic-gas-rule = Para cada niño: la puntuación T con las últimas evaluaciones del terapeuta en el periodo menos la puntuación T con los niveles iniciales, en los objetivos evaluados en el periodo. Luego el promedio de los niños.
# Issue 14: the caregiver's encouragement on the home screen.
encourage-heading = Cómo le va
encourage-no-target = Su plan todavía no tiene práctica para contar. Cuando la tenga, verá aquí sus semanas.
encourage-week-none = El plan no pide práctica esta semana.
encourage-week-met = Usted practicó { $done ->
    [one] 1 vez
   *[other] { $done } veces
} esta semana. El plan pide { $target }. ¡Lo logró!
encourage-week-left = Usted practicó { $done ->
    [one] 1 vez
   *[other] { $done } veces
} esta semana. El plan pide { $target }. { $left ->
    [one] ¡Falta una!
   *[other] ¡Faltan { $left }!
}
encourage-streak = Lo logró cada semana durante { $count } semanas.
encourage-last-week-met = La semana pasada hizo todo. ¡Muy bien!
encourage-keep-going = Cada práctica ayuda. ¡Siga así!
encourage-chart-title = Su práctica, semana a semana
encourage-chart-summary = Prácticas hechas cada semana y lo que pide el plan, en las últimas { $count } semanas.
encourage-week = Semana
encourage-done = Hechas
encourage-asked = El plan pide
encourage-this-week = Esta semana
encourage-last-week = Semana pasada
encourage-weeks-ago = Hace { $count } semanas

## Issue 14: caseload triage on the therapist's home.
triage-intro = Primero van los niños que más le necesitan: avisos abiertos, luego el tiempo más largo sin práctica, luego la práctica más baja en las últimas 4 semanas completas.
triage-show = Mostrar
triage-apply = Mostrar estos niños
triage-filter-all = Todos los niños ({ $count })
triage-filter-flags = Avisos abiertos ({ $count })
triage-filter-silent = Sin práctica por 7 días o más ({ $count })
triage-filter-low = Menos del 50 % en 4 semanas ({ $count })
triage-filter-awaiting = Esperan su respuesta ({ $count })
triage-empty = Ningún niño cumple con esta opción.
triage-caption = Sus pacientes, por necesidad
triage-col-child = Niño o niña
triage-col-flags = Avisos abiertos
triage-col-practice = Última práctica
triage-col-week = Esta semana
triage-col-four-weeks = Últimas 4 semanas completas
triage-col-awaiting = Esperan su respuesta
triage-col-plan = Plan por acordar
triage-col-visit = Próxima visita
triage-days-ago = { $days ->
    [0] Hoy
    [1] Ayer
   *[other] Hace { $days } días
}
triage-never = Todavía no hay práctica anotada
triage-this-week = { $counted } de { $target } esta semana
triage-no-target-week = Nada planeado esta semana
triage-four-weeks = { $percent } % en 4 semanas
triage-no-target = Todavía no hay meta
triage-percent = { $percent } %
triage-no-target-short = sin meta
triage-chart = { $name }, práctica en cada una de las últimas 4 semanas completas: { $weeks }
triage-flags = { $count ->
    [one] 1 aviso abierto
   *[other] { $count } avisos abiertos
}
triage-awaiting = { $count ->
    [one] 1 espera respuesta
   *[other] { $count } esperan respuesta
}
triage-none = Ninguno
triage-plan-waiting = Espera que la familia lo acepte
triage-no-visit = Ninguna planeada
