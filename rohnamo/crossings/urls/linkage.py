from django.urls import path

from rohnamo.crossings.views import linkage

urlpatterns = [
    path("linkage/", linkage.linkage, name="linkage"),
    path("linkage/review/", linkage.review, name="review"),
    path("linkage/review/<int:pk>/decide/", linkage.decide, name="review_decide"),
]
