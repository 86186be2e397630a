"""Where each district's tile sits on the portal's Seoul tile map: (column, row), north at the top.

A tile map is a drawing, not a fact: equal squares placed roughly where each district lies, the Han River
between rows 2 and 3 for the districts on its north bank. A district missing here is still listed in the
map's table.
"""

COLUMNS = 7
ROWS = 6

TILES = {
    "gangbuk": (3, 0),
    "dobong": (4, 0),
    "nowon": (5, 0),
    "eunpyeong": (1, 1),
    "jongno": (2, 1),
    "seongbuk": (3, 1),
    "dongdaemun": (4, 1),
    "jungnang": (5, 1),
    "seodaemun": (1, 2),
    "jung": (2, 2),
    "seongdong": (3, 2),
    "gwangjin": (4, 2),
    "mapo": (1, 3),
    "yongsan": (2, 3),
    "gangseo": (0, 3),
    "gangdong": (5, 3),
    "yangcheon": (0, 4),
    "yeongdeungpo": (1, 4),
    "dongjak": (2, 4),
    "seocho": (3, 4),
    "gangnam": (4, 4),
    "songpa": (5, 4),
    "guro": (0, 5),
    "geumcheon": (1, 5),
    "gwanak": (2, 5),
}
