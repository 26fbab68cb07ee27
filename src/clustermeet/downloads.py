"""A stored upload sent back as a download: the file under its own name, 404 when the storage
has lost it (a booth's or a nomination's documents)."""

import os

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def attachment(stored: FieldFile) -> FileResponse:
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(stored.name))
