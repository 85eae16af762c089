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
