"""The forecast window's sentences: what each plot and table counts, and its empty states."""

NOT_RUN = (
    "Run the forecast to see whom each engagement reaches: it sends the visitors of the "
    "visitor model through the tag your site will load, page by page."
)
SEED = (
    "Visitors are drawn at random: the same seed draws the same visitors, so a forecast can be "
    "repeated exactly. Try another seed to see how much the figures vary."
)
HEAT = (
    "Impressions by weekday and hour, in the account's time zone; the stronger the colour, "
    "the more impressions."
)
WHY_NOT = (
    "Each row counts the visitors the tag gave one reason; its sentence is one visitor's "
    "(the hour, page or figures in it vary from visitor to visitor)."
)
DEVICES = (
    "Above: the visitors each engagement reached, by device. Below: the visitors each control "
    "group held out, as a share of all visitors. A visitor turned away before the control "
    "group is drawn (outside the campaign's dates or hours) is not counted, so a share can be "
    "smaller than the group's size."
)
NOT_COMPARED = (
    "To see the draft beside what the site shows now, tick “Beside the published version” "
    "and run the forecast again."
)
COMPARED = (
    "Each engagement's reach and impressions in the published version and in the draft, for "
    "the same visitors; the difference is in percentage points of visitors reached."
)
