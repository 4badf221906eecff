"""Settings of a database-free Django site, served through the gateway by the tests."""

SECRET_KEY = 'gateway-tests-only'
DEBUG = False
ALLOWED_HOSTS = ['*']
ROOT_URLCONF = 'django_site.urls'
INSTALLED_APPS = []
MIDDLEWARE = ['django.middleware.common.CommonMiddleware']
DATABASES = {}
USE_TZ = True
LOGGING_CONFIG = None
