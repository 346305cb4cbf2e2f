# When information arrived and who sent it (data/status_updates and data/actions).
submitted-on = Received
submitted-by = Submitted by

# The "submit information" section of a recommendation page ([contribute] in config.toml).
contribute-heading = Submit information
contribute-review = Do you know what has been done about this recommendation? The NHRI, civil society organisations and anyone else can send information and evidence. The secretariat reviews every submission, asks the responsible institution to respond and publishes the assessment with its source; it never publishes your name without your consent.
contribute-by-email = Send information by e-mail
contribute-by-form = Send information through the form
