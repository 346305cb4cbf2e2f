# Shown only by `docket serve`, over the last good build, while the portal has problems.
serve-problems-title = Problems that stop the build: { $count }
serve-problems-intro = This page shows the last version that built. Fix the problems below and save the file: every open page reloads by itself.
serve-problem-help = How to fix it:
serve-problem-source = Line { $line } of { $file }:
