# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DEBUG=0
WORKDIR /app
# Frog (Dutch tagger/lemmatiser) for the extractor; the `frog` service of docker-compose runs it.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends frog frogdata uctodata \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 tracker
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# collectstatic must succeed. The image has no gettext (msgfmt): the committed .mo files are used
# then; where msgfmt exists, compilemessages must succeed too.
RUN SECRET_KEY=build DEBUG=0 python manage.py collectstatic --noinput \
    && if command -v msgfmt >/dev/null 2>&1; then python manage.py compilemessages -l en -l nl; fi \
    && mkdir -p /app/data && chown -R tracker /app/data
USER tracker
EXPOSE 8000
CMD ["gunicorn", "tracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
