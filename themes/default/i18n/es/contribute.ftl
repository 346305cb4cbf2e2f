# Cuándo llegó la información y quién la envió.
submitted-on = Recibido el
submitted-by = Enviado por
