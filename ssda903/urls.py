from ssda903.import_urls import urlpatterns as import_patterns
from ssda903.return_urls import urlpatterns as return_patterns

app_name = "ssda903"
urlpatterns = [*import_patterns, *return_patterns]
