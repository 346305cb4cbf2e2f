# Affiché seulement par `docket serve`, au-dessus de la dernière version construite, tant que le portail a des problèmes.
serve-problems-title = Problèmes qui empêchent la construction : { $count }
serve-problems-intro = Cette page montre la dernière version construite. Corrigez les problèmes ci-dessous et enregistrez le fichier : chaque page ouverte se recharge d’elle-même.
serve-problem-help = Comment corriger :
serve-problem-source = Ligne { $line } de { $file } :
