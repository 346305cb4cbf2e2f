# Date de réception d'une information et son auteur.
submitted-on = Reçu le
submitted-by = Transmis par
