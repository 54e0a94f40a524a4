"""GOV.UK Notify as a Django e-mail backend (LEAVINGCARE_EMAIL_BACKEND=notify).

Notify only sends e-mails built from a template set up in Notify, so every message goes
through one template (NOTIFY_WEEKLY_TEMPLATE_ID) whose subject is ((subject)) and whose
body is ((body)) then ((link_to_file)). The plain-text body is sent: Notify formats it
itself and has no place for our HTML. An attachment cannot travel with a Notify e-mail, so
it is uploaded and the e-mail links to it; the recipient must confirm their e-mail address
before downloading, because these files hold personal information.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from email.mime.base import MIMEBase
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client import prepare_upload
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

# How long Notify keeps a file for download: a weekly list is stale after a week, but a
# manager back from a fortnight's leave should still be able to open the last one.
FILE_RETENTION = "4 weeks"


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(
        self,
        fail_silently: bool = False,
        *,
        api_key: str | None = None,
        template_id: str | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.api_key = api_key or settings.NOTIFY_API_KEY
        self.template_id = template_id or settings.NOTIFY_WEEKLY_TEMPLATE_ID
        self.base_url = base_url or settings.NOTIFY_BASE_URL
        if not (self.api_key and self.template_id):
            raise ImproperlyConfigured(
                "To send e-mail through GOV.UK Notify, set LEAVINGCARE_NOTIFY_API_KEY and "
                "LEAVINGCARE_NOTIFY_WEEKLY_TEMPLATE_ID."
            )
        self.client: NotificationsAPIClient | None = None

    def open(self) -> bool:
        if self.client is not None:
            return False
        self.client = NotificationsAPIClient(self.api_key, base_url=self.base_url)
        return True

    def close(self) -> None:
        self.client = None

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if not email_messages:
            return 0
        opened = self.open()
        sent = 0
        try:
            for message in email_messages:
                try:
                    personalisation = self.personalisation(message)
                    for address in message.recipients():
                        self.client.send_email_notification(  # type: ignore[union-attr]
                            email_address=address, template_id=self.template_id, personalisation=personalisation
                        )
                except (HTTPError, ValueError):
                    if not self.fail_silently:
                        raise
                else:
                    sent += 1
        finally:
            if opened:
                self.close()
        return sent

    @staticmethod
    def personalisation(message: EmailMessage) -> dict[str, Any]:
        if len(message.attachments) > 1:
            # The template has one file link; dropping a file silently would be worse than failing.
            raise ValueError("GOV.UK Notify e-mails here carry at most one file.")
        link_to_file: Any = ""
        if message.attachments:
            filename, content = _file(message.attachments[0])
            link_to_file = prepare_upload(
                io.BytesIO(content), filename=filename,
                confirm_email_before_download=True, retention_period=FILE_RETENTION,
            )
        return {"subject": message.subject, "body": message.body, "link_to_file": link_to_file}


def _file(attachment: Any) -> tuple[str | None, bytes]:
    if isinstance(attachment, MIMEBase):
        return attachment.get_filename(), attachment.get_payload(decode=True)
    filename, content, _mimetype = attachment
    return filename, content.encode() if isinstance(content, str) else content
