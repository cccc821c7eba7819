"""The trainers' studio at /studio/: authoring courses, modules and lessons without the admin (issue 3)."""
