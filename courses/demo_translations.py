"""Demo data for content translations (issue 10): the community adaptation course's title and first module
and lesson in Lao and Khmer, so that `make run` shows a translated lesson, the fallback note on the next
lesson, and the studio's Translations tab with work done and work left. Idempotent; skips if the demo course
is missing.

Call `seed(stdout=...)` from `courses.demo.seed` (or seed_demo) after the foundation's courses exist.
"""

from courses import translations
from courses.models import Course

COURSE_SLUG = "community-based-adaptation-mekong"

TEXT = {
    "lo": {
        "course": (
            "ການປັບຕົວຕໍ່ການປ່ຽນແປງສະພາບອາກາດໂດຍອີງໃສ່ຊຸມຊົນໃນອ່າງແມ່ນ້ຳຂອງ",
            "ຮຽນຮູ້ວິທີປະເມີນຄວາມສ່ຽງດ້ານສະພາບອາກາດຮ່ວມກັບຊຸມຊົນ ແລະ ປ່ຽນຜົນໄດ້ຮັບເປັນແຜນການປັບຕົວ"
            "ທີ່ຄົນທ້ອງຖິ່ນເປັນເຈົ້າຂອງ, ລົງທຶນ ແລະ ບົວລະບັດຮັກສາ.",
        ),
        "module": ("ເຂົ້າໃຈຄວາມສ່ຽງດ້ານສະພາບອາກາດໃນອ່າງ", ""),
        "lesson": (
            "ສະພາບອາກາດກຳລັງປ່ຽນແປງແນວໃດຕາມລຳແມ່ນ້ຳຂອງ",
            "## ອ່າງແມ່ນ້ຳທີ່ຢູ່ພາຍໃຕ້ຄວາມກົດດັນ\n\n"
            "ແມ່ນ້ຳລ້ານຊ້າງ-ແມ່ຂອງໄຫຼຍາວກວ່າ 4.000 ກິໂລແມັດ. ຄົນຫຼາຍສິບລ້ານຄົນເພິ່ງພາມັນເພື່ອປາ, ເຂົ້າ, "
            "ນ້ຳ ແລະ ການຂົນສົ່ງ.\n\n"
            "- ອຸນຫະພູມສູງຂຶ້ນ ແລະ ມື້ທີ່ຮ້ອນຫຼາຍມີຫຼາຍຂຶ້ນ;\n"
            "- ຝົນຕົກໜັກໃນເວລາສັ້ນ, ລະດູມໍລະສຸມເລີ່ມບໍ່ແນ່ນອນ;\n"
            "- ລະດູແລ້ງຍາວ ຫຼື ຮຸນແຮງຂຶ້ນໃນບາງປີ;\n"
            "- ລະດັບນ້ຳທະເລສູງຂຶ້ນ ແລະ ນ້ຳເຄັມຮຸກເຂົ້າໄປໃນສາມຫຼ່ຽມປາກແມ່ນ້ຳ.",
        ),
    },
    "km": {
        "course": (
            "ការបន្សាំនឹងការប្រែប្រួលអាកាសធាតុផ្អែកលើសហគមន៍ក្នុងអាងទន្លេមេគង្គ",
            "រៀនវាយតម្លៃហានិភ័យអាកាសធាតុរួមគ្នាជាមួយសហគមន៍ និងបំប្លែងលទ្ធផលទៅជាផែនការបន្សាំ"
            "ដែលប្រជាជនក្នុងតំបន់ជាម្ចាស់ ផ្តល់ថវិកា និងថែរក្សា។",
        ),
        "module": ("ការយល់ដឹងអំពីហានិភ័យអាកាសធាតុក្នុងអាងទន្លេ", ""),
        "lesson": (
            "របៀបដែលអាកាសធាតុកំពុងប្រែប្រួលតាមដងទន្លេមេគង្គ",
            "## អាងទន្លេដែលកំពុងរងសម្ពាធ\n\n"
            "ទន្លេឡានឆាង-មេគង្គហូរបានចម្ងាយជាង 4,000 គីឡូម៉ែត្រ។ មនុស្សរាប់សិបលាននាក់ពឹងផ្អែកលើវា"
            "សម្រាប់ត្រី ស្រូវ ទឹក និងការដឹកជញ្ជូន។\n\n"
            "- សីតុណ្ហភាពខ្ពស់ជាងមុន និងថ្ងៃក្តៅខ្លាំងកាន់តែច្រើន;\n"
            "- ភ្លៀងធ្លាក់ខ្លាំងក្នុងរយៈពេលខ្លី ហើយរដូវវស្សាចាប់ផ្តើមមិនទៀងទាត់;\n"
            "- រដូវប្រាំងវែង ឬធ្ងន់ធ្ងរជាងមុនក្នុងឆ្នាំខ្លះ;\n"
            "- កម្ពស់ទឹកសមុទ្រកើនឡើង និងទឹកប្រៃជ្រាបចូលដីសណ្តកាន់តែជ្រៅ។",
        ),
    },
}


def seed(*, stdout) -> None:
    course = Course.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        stdout.write("  content translations: demo course missing, skipped")
        return
    module = course.modules.order_by("position").first()
    lesson = module.lessons.order_by("position").first() if module else None
    for language, text in TEXT.items():
        if language == course.language:
            continue
        translations.save_course_translation(course=course, language=language, title=text["course"][0],
                                             summary=text["course"][1])  # fmt: skip
        if module:
            translations.save_module_translation(
                module=module, language=language, title=text["module"][0], summary=text["module"][1]
            )
        if lesson:
            translations.save_lesson_translation(
                lesson=lesson, language=language, title=text["lesson"][0], body=text["lesson"][1]
            )
    stdout.write("  content translations: Lao and Khmer for the first lesson of the adaptation course")
