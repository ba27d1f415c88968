"""govportal: a national government web portal on Django and Wagtail."""
