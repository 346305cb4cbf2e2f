# Cuándo llegó la información y quién la envió.
submitted-on = Recibido el
submitted-by = Enviado por

# The "submit information" section of a recommendation page ([contribute] in config.toml).
contribute-heading = Enviar información
contribute-review = ¿Sabe qué se ha hecho respecto de esta recomendación? La institución nacional de derechos humanos, las organizaciones de la sociedad civil y cualquier persona pueden enviar información y pruebas. La secretaría examina cada contribución, pide a la institución responsable que responda y publica la evaluación con su fuente; nunca publica su nombre sin su consentimiento.
contribute-by-email = Enviar información por correo electrónico
contribute-by-form = Enviar información mediante el formulario
