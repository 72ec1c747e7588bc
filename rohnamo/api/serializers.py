from rest_framework import serializers

from rohnamo.core.models import Office


class OfficeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Office
        fields = [
            "id",
            "code",
            "kind",
            "name",
            "name_tg",
            "name_ru",
            "name_en",
            "parent",
            "district",
            "address_tg",
            "address_ru",
            "address_en",
            "hours_tg",
            "hours_ru",
            "hours_en",
            "phone",
            "hotline",
            "email",
            "is_public",
            "is_active",
        ]
        read_only_fields = [
            "id",
            "code",
            "kind",
            "name_tg",
            "name_ru",
            "name_en",
            "is_public",
            "is_active",
        ]
