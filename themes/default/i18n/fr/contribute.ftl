# Date de réception d'une information et son auteur.
submitted-on = Reçu le
submitted-by = Transmis par

# The "submit information" section of a recommendation page ([contribute] in config.toml).
contribute-heading = Transmettre des informations
contribute-review = Savez-vous ce qui a été fait pour cette recommandation ? L’institution nationale des droits de l’homme, les organisations de la société civile et toute personne peuvent transmettre des informations et des éléments justificatifs. Le secrétariat examine chaque contribution, demande à l’institution responsable d’y répondre et publie l’évaluation avec sa source ; il ne publie jamais votre nom sans votre accord.
contribute-by-email = Transmettre des informations par courriel
contribute-by-form = Transmettre des informations par le formulaire
