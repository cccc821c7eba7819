from training import reportlab_fix
from training.celery import app as celery_app

reportlab_fix.apply()

__all__ = ["celery_app"]
