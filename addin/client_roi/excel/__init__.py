"""The surfaces Excel calls: the functions (:mod:`.functions`), the refresh script of
xlwings Lite and Server (:mod:`.scripts`), the Lite bundle (:mod:`.lite`) and the ribbon
add-in (:mod:`.xlam`)."""
