# States: under review (multi-State portals) and recommending.
section-states = States under review
section-recommending-states = Recommending States
state-under-review = State under review
state-group = UN regional group
state-group-african = African Group
state-group-asia-pacific = Asia-Pacific Group
state-group-eastern-european = Eastern European Group
state-group-latin-american-caribbean = Latin American and Caribbean Group
state-group-western-european-other = Western European and Others Group
state-cycle-count = Recommendations of UPR cycle { $cycle }
state-other-count = Recommendations of other mechanisms
state-recommended-to = States it made recommendations to
state-received = Recommendations to this State
state-made = Recommendations made by this State
