"""Demo quizzes on the foundation's demo courses (idempotent; courses that are missing are skipped).

Each quiz is attached to the course's module at the given position (or the last module), published and
required, with questions of mixed types on the module's real content.
"""

from decimal import Decimal

from django.db import transaction

from courses.models import Course, Module
from quizzes import services
from quizzes.models import MultipleScoring, Quiz
from quizzes.services import QuestionData as Q


def _single(text, choices, correct, explanation=""):
    return Q(
        kind="single",
        text=text,
        choices=[(c, i == correct) for i, c in enumerate(choices)],
        explanation=explanation,
    )


def _multiple(text, choices, correct, explanation="", proportional=True):
    scoring = MultipleScoring.PROPORTIONAL if proportional else MultipleScoring.ALL_OR_NOTHING
    return Q(
        kind="multiple",
        text=text,
        choices=[(c, i in correct) for i, c in enumerate(choices)],
        multiple_scoring=scoring,
        explanation=explanation,
    )


def _tf(text, answer, explanation=""):
    return Q(kind="true_false", text=text, true_answer=answer, explanation=explanation)


def _number(text, answer, tolerance="0", explanation=""):
    return Q(
        kind="numeric", text=text, numeric_answer=Decimal(answer), numeric_tolerance=Decimal(tolerance),
        explanation=explanation,
    )  # fmt: skip


def _text(text, answers, explanation=""):
    return Q(kind="short_text", text=text, accepted_answers=answers, explanation=explanation)


# (course slug, module position or None for the last module, title, questions)
QUIZZES = [
    (
        "community-based-adaptation-mekong",
        1,
        "Check: climate risk in the basin",
        [
            _single(
                "In the IPCC framing, climate risk comes from the combination of hazard, exposure and …",
                ["vulnerability", "mitigation", "adaptation finance", "emissions"],
                0,
                "Risk = hazard \u00d7 exposure \u00d7 vulnerability: reducing any one reduces the risk.",
            ),
            _multiple(
                "Which of these make a household more vulnerable to floods?",
                [
                    "No savings or insurance",
                    "A house on stilts above past flood levels",
                    "Income from a single flooded crop",
                    "Not receiving warnings in a language they understand",
                ],
                {0, 2, 3},
                "Vulnerability is sensitivity and capacity to cope: money, livelihoods, information.",
            ),
            _tf(
                "Exposure means how sensitive people are to harm once a hazard reaches them.",
                False,
                "Exposure is being in harm's way; sensitivity and coping capacity make up vulnerability.",
            ),
            _text(
                "Which river crosses or borders all six Lancang-Mekong countries?",
                ["Mekong", "Lancang", "Mê Kông", "แม่น้ำโขง"],
                "The Lancang-Mekong flows from China through Myanmar, Laos, Thailand, Cambodia and Viet Nam.",
            ),
            _number(
                "How many countries does the Lancang-Mekong river flow through or along?",
                "6",
                "0",
                "China, Myanmar, Laos, Thailand, Cambodia and Viet Nam.",
            ),
        ],
    ),
    (
        "flood-early-warning-volunteers",
        1,
        "Check: how early warning works",
        [
            _multiple(
                "Which are the four elements of a people-centred early warning system?",
                [
                    "Risk knowledge",
                    "Monitoring and forecasting",
                    "Warning dissemination and communication",
                    "Preparedness and response capability",
                    "Rebuilding after the disaster",
                ],
                {0, 1, 2, 3},
                "The fourth element is the capacity to act on the warning; recovery comes afterwards.",
                proportional=False,
            ),
            _tf(
                "A warning has worked when it has been sent by the provincial office.",
                False,
                "A warning works only when the people at risk receive it, understand it and act in time.",
            ),
            _single(
                "The gauge is 0.5 m below the danger level and heavy rain is forecast upstream. "
                "What do you do?",
                [
                    "Wait until the water reaches the danger level",
                    "Alert the village committee and prepare to warn households",
                    "Evacuate everyone immediately without telling the committee",
                ],
                1,
                "Rising water plus upstream rain: the danger level may come soon, so prepare now.",
            ),
            _text(
                "Older people, people living alone and people with disabilities are warned first and helped "
                "to "
                "evacuate because they are the most … (one word).",
                ["vulnerable", "at-risk", "at risk"],
            ),
        ],
    ),
    (
        "climate-governance-ndcs-naps",
        1,
        "Check: the international climate framework",
        [
            _number(
                "In which year was the Paris Agreement adopted?",
                "2015",
                "0",
                "It was adopted at COP21 in Paris in December 2015 and entered into force in 2016.",
            ),
            _single(
                "What does NDC stand for?",
                [
                    "Nationally Determined Contribution",
                    "National Development Commitment",
                    "New Decarbonisation Charter",
                ],
                0,
            ),
            _number(
                "The Paris Agreement pursues efforts to limit warming to how many °C "
                "above pre-industrial levels?",
                "1.5",
                "0",
                "The Agreement holds warming well below 2 °C and pursues efforts to limit it to 1.5 °C.",
            ),
            _tf(
                "Under the Paris Agreement, countries submit new or updated NDCs every five years.",
                True,
                "Each successive NDC is expected to be more ambitious than the previous one (the 'ratchet').",
            ),
            _text(
                "Which UN convention, agreed in 1992, is the Paris Agreement under? (abbreviation)",
                ["UNFCCC"],
            ),
        ],
    ),
    (
        "ghg-inventory-local-governments",
        1,
        "Check: greenhouse gas basics",
        [
            _single(
                "Emissions from electricity a city buys from the grid belong to which scope?",
                ["Scope 1", "Scope 2", "Scope 3"],
                1,
                "Scope 1: direct emissions in the boundary; scope 2: purchased grid energy; "
                "scope 3: other indirect emissions.",
            ),
            _multiple(
                "Which gases are counted in a city greenhouse gas inventory?",
                ["Carbon dioxide (CO₂)", "Methane (CH₄)", "Nitrous oxide (N₂O)", "Oxygen (O₂)"],
                {0, 1, 2},
            ),
            _tf("Methane from landfills and rice fields is a greenhouse gas.", True),
            _number(
                "A truck burns 100 litres of diesel. With 2.68 kg CO₂ per litre, how many kg of CO₂ is that?",
                "268",
                "1",
                "Activity data \u00d7 emission factor: 100 L \u00d7 2.68 kg/L = 268 kg CO₂.",
            ),
        ],
    ),
    (
        "low-carbon-city-planning",
        1,
        "Check: planning a low-carbon city",
        [
            _multiple(
                "Which measures cut a city's transport emissions?",
                [
                    "Safe walking and cycling routes",
                    "Frequent public transport",
                    "Wider roads for more cars",
                    "Mixed-use neighbourhoods with shops near homes",
                ],
                {0, 1, 3},
            ),
            _tf("Compact, mixed-use neighbourhoods shorten trips and make walking practical.", True),
            _single(
                "What is the main idea of transit-oriented development?",
                [
                    "Building homes and jobs close to public transport stations",
                    "Moving bus stations out of the city centre",
                    "Building car parks next to every station",
                ],
                0,
            ),
            _text(
                "What do we call trees and green spaces that cool streets and absorb rain? (two words)",
                ["green infrastructure", "urban forest", "urban greenery"],
            ),
        ],
    ),
    (
        "saline-intrusion-adaptation-mekong-delta",
        1,
        "Kiểm tra: xâm nhập mặn",
        [
            _tf(
                "Xâm nhập mặn thường nghiêm trọng nhất vào mùa khô.",
                True,
                "Khi lưu lượng sông thấp vào mùa khô, nước biển lấn sâu hơn vào các cửa sông.",
            ),
            _single(
                "Ngưỡng độ mặn nào thường được coi là nguy hiểm cho lúa?",
                ["Khoảng 4 g/l (‰)", "Khoảng 40 g/l (‰)", "0 g/l"],
                0,
                "Lúa bắt đầu bị ảnh hưởng nặng khi độ mặn vượt khoảng 2-4 g/l.",
            ),
            _multiple(
                "Biện pháp nào giúp nông hộ thích ứng với xâm nhập mặn?",
                [
                    "Trữ nước ngọt trong ao, bồn",
                    "Chuyển sang mô hình lúa - tôm",
                    "Theo dõi bản tin độ mặn",
                    "Lấy nước sông bất kể độ mặn",
                ],
                {0, 1, 2},
            ),
            _text(
                "Đồng bằng sông Cửu Long còn được gọi là đồng bằng sông … (một từ)",
                ["Mê Kông", "Mekong", "Cửu Long"],
            ),
        ],
    ),
    (
        "low-carbon-communities-thai",
        1,
        "แบบทดสอบ: ชุมชนคาร์บอนต่ำ",
        [
            _tf("การคัดแยกขยะอินทรีย์ไปทำปุ๋ยหมักช่วยลดก๊าซมีเทนจากหลุมฝังกลบ", True),
            _single(
                "ข้อใดเป็นพลังงานหมุนเวียน",
                ["พลังงานแสงอาทิตย์", "ถ่านหิน", "น้ำมันดีเซล"],
                0,
            ),
            _multiple(
                "ข้อใดช่วยลดการปล่อยก๊าซเรือนกระจกในชุมชน",
                ["ติดตั้งหลอดไฟ LED", "ปลูกต้นไม้ให้ร่มเงา", "เผาขยะในที่โล่ง", "ใช้จักรยานหรือเดินในระยะใกล้"],
                {0, 1, 3},
            ),
            _text(
                "ก๊าซเรือนกระจกที่ปล่อยจากการเผาไหม้เชื้อเพลิงมากที่สุดคือก๊าซอะไร (ภาษาอังกฤษหรือไทย)",
                ["CO2", "CO₂", "คาร์บอนไดออกไซด์", "carbon dioxide"],
            ),
        ],
    ),
]


def _module(course: Course, position: int | None) -> Module | None:
    modules = list(course.modules.order_by("position"))
    if not modules:
        return None
    return next((m for m in modules if m.position == position), modules[-1])


def seed(*, stdout) -> None:
    created = 0
    for slug, position, title, questions in QUIZZES:
        course = Course.objects.filter(slug=slug).first()
        module = _module(course, position) if course else None
        if module is None:
            continue
        with transaction.atomic():
            quiz, new = Quiz.objects.get_or_create(
                course=course,
                title=title,
                defaults={"module": module, "pass_mark": 70, "max_attempts": None, "shuffle_choices": True,
                          "is_published": True, "is_required": True},
            )  # fmt: skip
            if not quiz.questions.exists():
                for data in questions:
                    services.create_question(quiz=quiz, data=data)
            created += new
    stdout.write(f"quizzes: {created} demo quizzes created ({len(QUIZZES)} defined)\n")
