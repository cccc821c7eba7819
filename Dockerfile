# The production image: gunicorn serves the web app; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# Fonts for certificates in every Mekong script (ReportLab needs TrueType: Noto for Latin, Thai, Lao, Khmer,
# Myanmar; WenQuanYi Micro Hei for Chinese) and gettext to compile the translation catalogues.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-core fonts-wqy-microhei gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install .
COPY . .
RUN DEBUG=1 python manage.py compilemessages --ignore=.venv -v 0 \
    && DEBUG=1 python manage.py collectstatic --noinput -v 0 \
    && useradd --create-home --uid 10001 app \
    && mkdir -p /app/var/media && chown -R app:app /app/var

USER app
EXPOSE 8000
CMD ["gunicorn", "training.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--no-control-socket", "--access-logfile", "-"]
