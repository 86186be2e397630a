"""Turn an admin change form page into the POST data a browser would send back unchanged."""


def _field_values(form):
    data = {}
    for bound in form:
        value = bound.value()
        name = bound.html_name
        widget = bound.field.widget
        if hasattr(widget, "widgets"):  # a split date and time
            parts = value if isinstance(value, list | tuple) else widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{name}_{index}"] = "" if part is None else str(part)
            continue
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        else:
            data[name] = str(value)
    return data


def changeform_data(response):
    """The main form and every inline formset of an admin change (or restore/recover) page."""
    context = response.context
    data = _field_values(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for bound in management:
            data[bound.html_name] = "" if bound.value() is None else str(bound.value())
        for form in formset.forms:
            data.update(_field_values(form))
    return data
