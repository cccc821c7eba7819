"""What reading in another language costs (issue 10): the lesson page for a signed-in trainee in the course's
own language, in Lao with a Lao translation, and in Lao without one (the fallback with a note), against the
baseline view, all measured in the same run with 20 clients on gunicorn (2 workers) and PostgreSQL.

Targets: the translated and fallback pages within 10% of the same page in the course's language (the
translation comes from correlated subqueries in the same SELECTs, so no query is added).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench import common

DB = "mct_bench_i18n"
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
CLIENTS = 20
PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - the bench database only


def create_data() -> dict[str, str]:
    common.django_setup(DB)
    from learning.models import Enrolment
    from tests.factories import course_with_lessons
    from tests.i18n.factories import (
        CourseTranslationFactory,
        LessonTranslationFactory,
        ModuleTranslationFactory,
    )
    from tests.i18n.helpers import trainee_speaking

    course = course_with_lessons(modules=4, lessons_per_module=8, title="Mangroves and storm surge")
    lessons = [lesson for module in course.modules.order_by("position") for lesson in module.lessons.all()]
    CourseTranslationFactory(course=course, language="lo")
    for module in course.modules.all():
        ModuleTranslationFactory(module=module, language="lo")
    for lesson in lessons[:16]:
        LessonTranslationFactory(lesson=lesson, language="lo")
    trainee = trainee_speaking("en")
    trainee.set_password(PASSWORD)
    trainee.save()
    Enrolment.objects.create(trainee=trainee, course=course)
    return {
        "email": trainee.email,
        "translated": lessons[3].get_absolute_url(),
        "untranslated": lessons[20].get_absolute_url(),
    }


def with_language(headers: dict[str, str], language: str) -> dict[str, str]:
    return {**headers, "Cookie": headers["Cookie"] + f"; django_language={language}"}


def main() -> int:
    env = common.setup_database(DB)
    data = create_data()
    ok = True
    with common.serve(env=env) as base:
        session = common.login_headers(base, data["email"], PASSWORD)
        for url in (data["translated"], data["untranslated"]):  # warm the caches and the first-visit write
            for language in ("en", "lo"):
                common.request(base + url, headers=with_language(session, language))
        baseline = common.load(base + common.BASELINE_PATH, CLIENTS, SECONDS)
        print(f"  {'baseline':<28} {baseline}")
        english = common.load(
            base + data["translated"], CLIENTS, SECONDS, headers=with_language(session, "en")
        )
        ok &= common.compare("lesson, course language", english, baseline, rps_target=0.05, p95_target=20)
        lao = common.load(base + data["translated"], CLIENTS, SECONDS, headers=with_language(session, "lo"))
        ok &= common.compare("lesson, Lao translation", lao, baseline, rps_target=0.05, p95_target=20)
        fallback = common.load(
            base + data["untranslated"], CLIENTS, SECONDS, headers=with_language(session, "lo")
        )
        ok &= common.compare("lesson, Lao fallback", fallback, baseline, rps_target=0.05, p95_target=20)
        for name, result in (("Lao translation", lao), ("Lao fallback", fallback)):
            ratio = result.rps / english.rps if english.rps else 0.0
            within = ratio >= 0.9
            ok &= within
            verdict = "OK" if within else "MISSED"
            print(f"  {name} / course language: req/s {ratio:.2f} (target >= 0.90)  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
