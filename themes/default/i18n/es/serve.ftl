# Solo lo muestra `docket serve`, sobre la última versión construida, mientras el portal tenga problemas.
serve-problems-title = Problemas que impiden la construcción: { $count }
serve-problems-intro = Esta página muestra la última versión que se construyó. Corrija los problemas siguientes y guarde el archivo: cada página abierta se recarga sola.
serve-problem-help = Cómo corregirlo:
serve-problem-source = Línea { $line } de { $file }:
