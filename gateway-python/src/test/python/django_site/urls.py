from django.urls import path

from django_site import views

urlpatterns = [
    path('', views.index),
    path('greet/', views.greet),
    path('form/', views.form),
    path('json/', views.json_body),
    path('items/<int:item_id>/', views.item, name='item'),
    path('crash/', views.crash),
]

handler404 = 'django_site.views.not_found'
handler500 = 'django_site.views.server_error'
