"""Stored XSS: known payloads in posts, titles, reports and cases must come out inert (RELIABILITY.md T22).

Each rendered page is parsed: no <script> element other than the site's own static scripts, no on*
attribute, no javascript:/vbscript:/data: URL in any URL-bearing attribute, no <iframe>/<object>/<embed>.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from community.models import CaseStatus
from community.services import cases as case_services
from community.services import discussions as services
from courses.models import Theme
from tests.community.factories import ThreadFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="javascript:alert(1)">',
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<object data=javascript:alert(1)>",
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](jav&#x09;ascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    "[x](vbscript:msgbox(1))",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "<a href='jav\tascript:alert(1)'>x</a>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<video><source onerror=alert(1)></video>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    '"><script>alert(1)</script>',
    "'';!--\"<XSS>=&{()}",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="#" onclick="alert(1)">x</a>',
    "{{ settings.SECRET_KEY }}{% debug %}",
]
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "srcdoc",
    "xlink:href",
    "poster",
    "background",
}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "meta", "link", "style", "svg", "math"}


def browser_url(value: str) -> str:
    """What a URL parser sees: C0 controls and spaces trimmed, tab/CR/LF removed anywhere (WHATWG)."""
    return re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(33)))))


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag == "script" and not (attributes.get("src") or "").startswith("/static/"):
            self.problems.append(f"script element {attrs}")
        if tag in FORBIDDEN_TAGS and not (self.in_head and tag in {"meta", "link"}):
            self.problems.append(f"<{tag}> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES and value and BAD_SCHEME.match(browser_url(value)):
                self.problems.append(f"dangerous URL {name}={value!r} on <{tag}>")
            if name == "style":
                self.problems.append(f"inline style on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def assert_inert(html: str) -> None:
    inspector = Inspector()
    inspector.feed(html)
    assert inspector.problems == []
    assert "SECRET_KEY" not in html or "settings.SECRET_KEY" in html  # shown as text, never evaluated


def test_corpus_has_at_least_thirty_payloads():
    assert len(set(PAYLOADS)) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_discussion_payloads_render_inert(client, settings, course, member, trainer, payload):
    settings.COMMUNITY_POSTS_PER_MINUTE = 100
    thread = services.start_thread(course=course, author=member, title=payload, body=f"Look: {payload}")
    reply = services.post_reply(thread=thread, author=trainer, body=f"Quote:\n\n> {payload}\n\n{payload}")
    services.report_post(post=reply, reporter=member, reason="other", note=payload)
    client.force_login(trainer)
    pages = [
        client.get(thread.get_absolute_url()),
        client.get(reverse("community:course", kwargs={"slug": course.slug})),
        client.get(reverse("community:moderation", kwargs={"slug": course.slug})),
        client.get(reverse("community:report", kwargs={"pk": reply.pk})),
    ]
    for page in pages:
        assert page.status_code == 200
        assert_inert(page.content.decode())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_case_payloads_render_inert(client, member, payload):
    case = case_services.submit_case(
        author=member,
        data={
            "title": payload,
            "country": "VN",
            "partner": None,
            "year": 2024,
            "language": "en",
            "summary": payload,
            "body": f"# {payload}\n\n{payload}\n\n- {payload}",
        },
        themes=[Theme.WOMEN_CHILDREN],
    )
    case.status = CaseStatus.PUBLISHED
    case.published_at = case.submitted_at
    case.save()
    for page in (client.get(case.get_absolute_url()), client.get(reverse("community:cases") + "?q=alert")):
        assert page.status_code == 200
        assert_inert(page.content.decode())


def test_inspector_catches_what_it_should():
    for bad in (
        "<script>x</script>",
        '<img src=x onerror="a()">',
        '<a href=" javascript:x">y</a>',
        '<a href="java\tscript:x">y</a>',
        '<a href="data:text/html,x">y</a>',
        "<iframe></iframe>",
    ):
        inspector = Inspector()
        inspector.feed(bad)
        assert inspector.problems, bad


def test_a_message_that_is_only_unsafe_html_is_refused_with_a_clear_message(course, member):
    with pytest.raises(services.DiscussionError, match="unsafe HTML"):
        services.start_thread(course=course, author=member, title="Test", body="<script>alert(1)</script>")


def test_thread_title_is_escaped_text(client, course, member):
    thread = ThreadFactory(course=course, author=member, title="<b>bold</b> & <i>co</i>")
    client.force_login(member)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;" in html
