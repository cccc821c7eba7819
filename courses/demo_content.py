"""Demo teaching content for the Lancang-Mekong climate training platform.

Pure data, consumed by a management command that loads partners, programmes,
courses (with modules and lessons) and demo trainees. All organisations other
than the well-known international ones, and all people, are fictional.
"""

from __future__ import annotations

PARTNERS = [
    {
        "name": "Lancang-Mekong Environmental Cooperation Centre",
        "short_name": "LMEC",
        "country": "CN",
    },
    {
        "name": "UN Environment Programme (UNEP)",
        "short_name": "UNEP",
        "country": "",
    },
    {
        "name": "UNICEF East Asia and Pacific",
        "short_name": "UNICEF EAP",
        "country": "TH",
    },
    {
        "name": "WWF Greater Mekong",
        "short_name": "WWF-GM",
        "country": "",
    },
    {
        "name": "World Resources Institute (WRI)",
        "short_name": "WRI",
        "country": "",
    },
    {
        "name": "Mekong Women's Climate Leadership Network",
        "short_name": "MWCLN",
        "country": "KH",
    },
    {
        "name": "Mekong Youth for Climate Action",
        "short_name": "MYCA",
        "country": "VN",
    },
    {
        "name": "Lao Community Resilience Association",
        "short_name": "LCRA",
        "country": "LA",
    },
]

PROGRAMMES = [
    {
        "slug": "climate-governance",
        "name": "Climate Governance and Transparency",
        "theme": "climate_governance",
        "partners": ["LMEC", "UNEP", "WRI"],
        "description": (
            "Builds the skills that officials and civil society need to turn national climate commitments "
            "into local action. Participants learn how NDCs, national adaptation plans and transparency "
            "reporting work, and how to measure emissions at city and provincial level."
        ),
    },
    {
        "slug": "low-carbon-cities",
        "name": "Low-Carbon and Liveable Mekong Cities",
        "theme": "low_carbon_cities",
        "partners": ["WRI", "LMEC", "UNEP"],
        "description": (
            "Supports urban planners, engineers and community leaders in fast-growing Mekong cities to cut "
            "emissions while keeping cities cool, safe and pleasant to live in. Topics range from compact "
            "urban form and sustainable infrastructure to public transport, rooftop solar and shaded streets."
        ),
    },
    {
        "slug": "community-adaptation",
        "name": "Community Resilience in the Mekong Basin",
        "theme": "community_adaptation",
        "partners": ["WWF-GM", "LCRA", "UNEP", "LMEC"],
        "description": (
            "Helps village volunteers, local officials and NGO staff assess climate risks with communities "
            "and put practical adaptation plans in place. The programme draws on experience with floods, "
            "drought and saline intrusion from the uplands of Yunnan to the Mekong Delta."
        ),
    },
    {
        "slug": "women-children-youth",
        "name": "Women, Children and Youth for Climate Action",
        "theme": "women_children",
        "partners": ["UNICEF EAP", "MWCLN", "MYCA", "LMEC"],
        "description": (
            "Recognises that women, children and young people experience climate change differently and are "
            "powerful agents of change. Courses cover gender-responsive planning, women's leadership, safe "
            "schools and meaningful youth participation."
        ),
    },
]

COURSES = [
    # ------------------------------------------------------------------
    # Community adaptation
    # ------------------------------------------------------------------
    {
        "slug": "community-based-adaptation-mekong",
        "title": "Community-based climate adaptation in the Mekong basin",
        "summary": (
            "Learn how to assess climate risks together with communities and turn the results into "
            "adaptation plans that local people own, fund and maintain."
        ),
        "language": "en",
        "programme": "community-adaptation",
        "estimated_hours": 8,
        "modules": [
            {
                "title": "Understanding climate risk in the basin",
                "summary": "How the Lancang-Mekong climate is changing and what makes people vulnerable.",
                "lessons": [
                    {
                        "title": "How the climate is changing along the Mekong",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## A basin under pressure

The Lancang-Mekong flows for more than 4,000 kilometres from the Tibetan Plateau through Yunnan,
along the borders of Myanmar, Laos and Thailand, through Cambodia and out to sea in the Viet Nam delta.
Tens of millions of people depend on it for fish, rice, water and transport.

Observed and projected trends across the basin include:

- higher temperatures and more very hot days, in cities and on farmland;
- rain arriving in shorter, heavier bursts, with a less predictable start to the monsoon;
- longer or harsher dry seasons in some years, such as 2019-2020 when the river fell to record lows;
- sea-level rise and land subsidence in the delta, pushing salt water further inland.

## Climate on top of other changes

Climate change is not the only driver. Dams, sand mining, groundwater pumping and land-use change
also alter water and sediment flows. Good adaptation planning looks at all of these pressures together.

## Example: a rice farmer in Savannakhet

A farmer in Savannakhet province, Laos, may see the first rains arrive weeks late, plant rice, lose
seedlings to a dry spell in July, and then face a flash flood in September. None of these events is
new, but their combination and frequency are changing, and the traditional planting calendar is
becoming less reliable.

**Reflect:** Which changes in weather or water have the elders in your community noticed during their
lifetimes, and how do they compare with the trends above?
""",
                    },
                    {
                        "title": "Hazard, exposure and vulnerability",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Three ingredients of risk

Climate risk is about more than the weather. Practitioners describe it as a combination of three
things:

- **Hazard**: a potentially damaging event or trend, such as a flood, drought, storm or heatwave.
- **Exposure**: people, homes, crops and infrastructure located where the hazard can reach them.
- **Vulnerability**: characteristics that make them more likely to be harmed, such as poverty,
  fragile housing, ill health or lack of information.

**Capacity** - the skills, networks, savings and institutions people can draw on - works in the
opposite direction and reduces risk.

## Why the distinction matters

Most communities cannot change the hazard itself. They can reduce exposure, for example by raising a
house above the usual flood level, and they can reduce vulnerability, for example by diversifying
income so that one bad harvest does not become a crisis.

## Example: two households in Kampong Chhnang

Two neighbouring families on the Tonle Sap floodplain face the same seasonal flood. The first lives in
a tall stilt house, owns a boat and receives money from a son working in Phnom Penh. The second is a
widow with three young children in a low house who depends on daily farm labour. The hazard is
identical, but the risk each family faces is very different.

**Reflect:** Choose one hazard in your area. Which households are most exposed to it, and what makes
some of them more vulnerable than others?
""",
                    },
                ],
            },
            {
                "title": "Participatory risk assessment with communities",
                "summary": "Practical tools for mapping hazards and seasons, and for hearing from everyone.",
                "lessons": [
                    {
                        "title": "Hazard mapping and seasonal calendars",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Tools that start with local knowledge

Participatory tools help a community describe its own risks in its own words. Two of the most useful
need only paper, marker pens and a few hours.

### Community hazard map

Villagers draw their settlement: houses, roads, rivers, schools, temples, wells and fields. They then
mark where water rises, where riverbanks erode, where landslides happen and where the most vulnerable
people live. The map becomes a shared reference for every later planning step.

### Seasonal calendar

A large grid shows the twelve months across the top. Participants mark rains, floods, dry spells,
planting and harvest, migration for work, school terms, illness and debt. Patterns often appear, such
as food shortages just before harvest that coincide with the flood peak.

## Tips for facilitators

- Run separate groups for women, men, young people and older people, then compare results.
- Let participants hold the pen; the facilitator asks questions.
- Photograph the results and return a clean copy to the village.

## Example: a coastal commune in Ca Mau

In a coastal commune of Ca Mau province, a seasonal calendar showed that salt water was reaching the
canals earlier each dry season, while farmers still followed an old planting timetable. The calendar
helped the commune agree a new schedule for opening and closing its sluice gates.

**Reflect:** Which months would look most difficult on a seasonal calendar for your community, and why?
""",
                    },
                    {
                        "title": "Listening to those least heard",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Who is missing from the meeting?

Village meetings are often attended by the same people: household heads, officials and those with
time to spare. Others may be absent or silent:

- women with heavy care and farm workloads;
- people with disabilities and older people;
- ethnic minority groups who speak another language;
- migrant workers and young people;
- landless families and tenants.

Their experience of climate risk is often different, and plans that ignore them can make inequality
worse.

## Practical ways to include them

Hold meetings at times and places that suit women and carers. Use local languages and interpreters.
Visit households whose members cannot travel. Use pictures and maps rather than written forms. Ask
people directly what they need instead of assuming.

## Example: an upland village in northern Laos

In a Khmu village in Oudomxay province, a facilitation team first heard only from the village chief
and the elders. When the facilitators met women at the water point early one morning, they learned
that a landslide had damaged the path to the spring, adding almost an hour of walking every day.
Repairing the path became one of the top priorities in the village plan.

**Reflect:** In your next community activity, which group is most likely to be missing, and what one
change would help them take part?
""",
                    },
                    {
                        "title": "Case study: the Tonle Sap flood pulse",
                        "minutes": 15,
                        "required": False,
                        "video_url": "",
                        "body": """## A lake that breathes

Every wet season, high water in the Mekong pushes up the Tonle Sap River, reversing its flow and
expanding Cambodia's great lake several times over. When the Mekong falls, the lake drains back. This
flood pulse feeds one of the most productive inland fisheries in the world and the rice fields around
the lake.

## What is changing

- The timing and size of the annual flood vary more, because of weather patterns and upstream water
  management.
- Dry-season water levels are lower in some years, which reduces fish catches.
- Flooded forest, where many fish spawn, is being cleared.

## How communities adapt

Floating villages move their houses with the water level. Community fisheries committees protect
spawning areas and patrol against illegal gear. Many households combine fishing with small livestock,
floating vegetable gardens or seasonal work in town.

## The lesson for adaptation

The Tonle Sap shows that adaptation is not always about stopping water. Here, livelihoods depend on the
flood. The aim is to keep the ecosystem healthy while helping people cope with years that are unusually
high or unusually low.

**Reflect:** Is there an ecosystem near you whose natural rhythm supports livelihoods, and how could
adaptation work protect that rhythm?
""",
                    },
                ],
            },
            {
                "title": "From assessment to community adaptation plans",
                "summary": "Choosing adaptation options, linking them to budgets and learning from results.",
                "lessons": [
                    {
                        "title": "Choosing and prioritising adaptation options",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## From problems to options

After the risk assessment, the community lists possible actions. They usually fall into three groups:

- **Physical**: raising a road, building a water tank, planting bamboo on an eroding riverbank.
- **Livelihood**: drought-tolerant seed, fish ponds, home gardens, small businesses.
- **Social and institutional**: early warning groups, savings funds, insurance, water-sharing rules.

## Simple criteria for ranking

Score each option from 1 to 3 against a few questions:

1. Does it reduce the most serious risk identified?
2. Who benefits, especially among the most vulnerable?
3. Can the community maintain it with its own skills and money?
4. Could it harm the environment or neighbours downstream?
5. Will it still work if the climate changes more than expected?

Watch out for maladaptation, such as deeper wells that drain the groundwater everyone relies on.

## Example: a village in Myanmar's Dry Zone

In a village in Magway Region, residents ranked their options for dry-season water. Deepening and
fencing the village pond scored highest because everyone could use it and maintain it. A new tube well
scored lower because nearby wells had brought up salty water. A community seed bank came second,
because late rains had forced families to buy expensive seed twice in recent years.

**Reflect:** Which of the five criteria would matter most to your community, and why?
""",
                    },
                    {
                        "title": "Financing, monitoring and learning",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Paying for the plan

Community plans succeed when they connect to money and institutions beyond the village:

- commune, township or district development budgets;
- national adaptation and disaster risk reduction programmes;
- NGO and donor projects;
- community savings and volunteer labour.

Presenting the plan at the annual local planning meeting is often the single most important step.

## Keeping track

Choose a few indicators that the community can measure itself, for example the number of households
with safe water through the dry season, or school days lost to flooding. Record a baseline before work
starts so that change can be seen.

## Learning together

Hold a short review after each season. What worked? What did not? Who was left out? Adjust the plan.
Adaptation is a continuing process, not a one-off project.

## Example: a commune in Dong Thap

A commune in Dong Thap province included its community adaptation priorities in the commune's annual
socio-economic development plan. Because the priorities were in the official plan, the commune could
use public funds to raise the schoolyard and the access road above flood level, while villagers
contributed labour and planted shade trees.

**Reflect:** Which local budget or planning meeting in your area could take up community adaptation
priorities, and who would need to present them?
""",
                    },
                ],
            },
        ],
    },
    {
        "slug": "flood-early-warning-volunteers",
        "title": "Flood early warning for village volunteers",
        "summary": (
            "A practical course for village volunteers on reading river levels, passing warnings to every "
            "household and preparing safe evacuation."
        ),
        "language": "en",
        "programme": "community-adaptation",
        "estimated_hours": 5,
        "modules": [
            {
                "title": "How early warning works",
                "summary": "The elements of people-centred early warning, and reading gauges and forecasts.",
                "lessons": [
                    {
                        "title": "The four elements of people-centred early warning",
                        "minutes": 10,
                        "required": True,
                        "video_url": "",
                        "body": """## More than a siren

An early warning system works only when people receive a warning in time and know what to do. The
widely used people-centred model has four connected elements:

1. **Risk knowledge**: which areas flood, how deep, and who lives there.
2. **Monitoring and forecasting**: watching rainfall and river levels, and using official forecasts.
3. **Warning communication**: getting a clear message to everyone at risk, including at night.
4. **Response capability**: people know where to go and have practised it.

If any one element fails, the whole chain fails.

## The role of village volunteers

Volunteers are the link between national forecasts and local action. They read gauges, pass on
warnings, help older people and people with disabilities to move, and keep the evacuation plan up to
date between floods.

## Example: a riverside village in Kandal

In a village along the Mekong in Kandal province, a warning from the national hydrology service
reached the commune chief by phone in the evening, but not the farmers already sleeping in their field
huts. After that flood, volunteers added a late-night loudspeaker round and agreed to ring the bell at
the pagoda when the river reached the danger mark.

**Reflect:** Which of the four elements is weakest in your village today, and who could help
strengthen it?
""",
                    },
                    {
                        "title": "Reading river levels and rainfall forecasts",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## The staff gauge

Many villages have a painted staff gauge on a bridge pillar or riverbank, marked in centimetres.
Volunteers record the level at fixed times, for example 07:00 and 17:00, and every hour when water is
rising fast.

## Alert levels

Agree three thresholds with the commune or district:

- **Watch** (yellow): water rising; check phones, batteries and boats.
- **Warning** (orange): low fields will flood within hours; move animals and seed stocks.
- **Danger** (red): houses at risk; move vulnerable people to safe places now.

Paint these lines in bright colours on the gauge so anyone can read them.

## Using forecasts

National meteorological and hydrological agencies publish rainfall and river forecasts, and the
Mekong River Commission forecasts levels on the mainstream. A forecast of heavy rain upstream gives
more lead time than watching the local river alone. Write down how fast the river rose in past floods:
in small catchments, water can reach a village within a few hours.

## Example: a tributary in Luang Prabang

In a village on a tributary in Luang Prabang province, volunteers found that after intense rain in the
hills the river rose by about 30 centimetres an hour. They now issue a warning as soon as the
upstream village phones to report very heavy rain, instead of waiting for the local gauge to rise.

**Reflect:** How much warning time does your village usually get, and how could you gain more?
""",
                    },
                ],
            },
            {
                "title": "Passing the message on",
                "summary": "Choosing channels that reach everyone and writing warnings people act on.",
                "lessons": [
                    {
                        "title": "Warning channels that reach everyone",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## No single channel is enough

Use several channels, so that one failure does not leave people uninformed:

- loudspeakers and community radio;
- bells, drums or gongs at the temple, pagoda or village hall;
- phone calls, SMS and the messaging apps people already use, such as LINE, Zalo, WeChat,
  Telegram or Viber;
- door-to-door visits by volunteers.

## Reaching people who are often missed

- Deaf people need visual signals such as coloured flags or lights.
- Older people living alone need a named neighbour who will visit them.
- Migrant workers and visitors may not understand the local language.
- Fishers and farmers in distant fields may be out of loudspeaker range.

Keep a short list of these households and write next to each one the volunteer responsible.

## Example: a riverside community in Ubon Ratchathani

Consider a riverside community in Ubon Ratchathani where the Mun River can rise over several days.
Volunteers post gauge readings in the community LINE group each morning, drive a loudspeaker
motorbike through low-lying lanes when the orange mark is reached, and visit every house on their
list of people who live alone or use a wheelchair.

**Reflect:** Which households in your area would not hear a loudspeaker warning at night, and how will
you reach them?
""",
                    },
                    {
                        "title": "Writing a clear warning message",
                        "minutes": 10,
                        "required": True,
                        "video_url": "",
                        "body": """## Good warnings answer five questions

- **What** is happening? The river is rising fast.
- **Where**? Low houses along the canal and the lower hamlet.
- **When**? Water expected on the road within three hours.
- **What should people do**? Move to the primary school now; take documents and medicine.
- **Who** is sending it? The village flood volunteer team.

## Keep it short and local

Use the local language and place names people know. Avoid technical terms such as "return period".
Repeat the message, update it when the situation changes, and always send an "all clear" at the end.

## Example message

"Flood warning from the village volunteer team, 18:00. The river at the bridge has reached the orange
line and is still rising. Families in the lower hamlet near the pagoda should move animals and rice to
high ground tonight and be ready to go to the primary school. We will announce again at 20:00."

## Prepare in advance

Before the rainy season, write template messages for each alert level in every language spoken in the
village, so volunteers do not have to invent words during an emergency.

**Reflect:** Rewrite a warning you have heard recently so that it answers all five questions.
""",
                    },
                    {
                        "title": "Lessons from the Sangker River, Battambang",
                        "minutes": 10,
                        "required": False,
                        "video_url": "",
                        "body": """## A river that rises fast

The Sangker River flows through Battambang town and surrounding rice land before reaching the Tonle
Sap. Heavy rain in the hills to the west can raise it quickly, and the floods of October 2020 damaged
many houses, roads and crops across the province.

## What volunteers found useful

- Voice messages in Khmer sent to mobile phones, which reach people who cannot read text messages.
- Regular contact with upstream communes, which see the water first.
- Simple household preparation: raised platforms for rice stocks and plastic bags for documents.
- Pagodas and schools on higher ground, agreed in advance as meeting points.

## Gaps that remained

Some warnings arrived late at night. Some families did not trust messages from unknown numbers. Some
volunteers were unsure who had the authority to call an evacuation, so precious time was lost.

## The takeaway

Technology helps, but trust, clear roles and practice are what make a warning system work. Volunteers
who are known by name in their village are often the most trusted channel of all.

**Reflect:** Who in your village has the authority to call an evacuation, and does everyone know it?
""",
                    },
                ],
            },
            {
                "title": "Preparing the village",
                "summary": "Evacuation planning, drills and learning after each flood.",
                "lessons": [
                    {
                        "title": "Evacuation routes, safe places and drills",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Plan before the water comes

Together with the village committee, volunteers should:

- identify safe places on high ground, such as schools, pagodas, health centres and raised roads;
- mark the safest routes and check them for deep channels or weak bridges;
- agree who will help older people, people with disabilities, pregnant women and small children;
- plan for animals, boats and rice stocks;
- encourage every household to prepare a go-bag with documents in plastic, medicines, a torch,
  drinking water and a phone charger.

## Practise with a drill

Run a drill once a year before the rainy season. Sound the warning, time how long households take to
reach the safe place, and note every problem. Drills with schools are especially valuable because
children carry the lessons home.

## Example: the Ayeyarwady delta

After Cyclone Nargis in 2008, many communities in the Ayeyarwady delta built raised multi-purpose
buildings that serve as schools in normal times and shelters during storms. Villages that regularly
practise moving to these buildings, with clear volunteer roles, evacuate much faster than villages
that only have the building.

**Reflect:** How long would it take the slowest household in your village to reach a safe place, and
how could you shorten that time?
""",
                    },
                    {
                        "title": "After the flood: reviewing and improving",
                        "minutes": 10,
                        "required": True,
                        "video_url": "",
                        "body": """## Why review?

Every flood is a chance to learn. A short review within two weeks, while memories are fresh, helps the
volunteer team improve before the next event.

## Questions to ask

- When did the first warning arrive, and from whom?
- Did everyone receive it, including people in the fields and people living alone?
- Did people act on it? If not, why not?
- Were the safe places accessible, with water, toilets and privacy for women and girls?
- What damage occurred, and could any of it have been avoided?

## Record and share

Write the answers on one page, update the household list and the hazard map, and share the results
with the commune or township. Adjust the alert levels if the river rose faster than expected.

## Example: Xishuangbanna, Yunnan

In a village in Xishuangbanna, a review after a flash flood found that warnings had been broadcast
only in Mandarin, while several older residents mainly speak Dai. The team now records every warning
in both languages, and a young volunteer checks in person on older neighbours during heavy rain.

**Reflect:** What is one change your team would make after the last flood or drill?
""",
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Climate governance
    # ------------------------------------------------------------------
    {
        "slug": "climate-governance-ndcs-naps",
        "title": "Climate governance foundations: NDCs and national adaptation plans",
        "summary": (
            "An introduction to the international climate framework and to how nationally determined "
            "contributions and national adaptation plans are prepared, implemented and reported."
        ),
        "language": "en",
        "programme": "climate-governance",
        "estimated_hours": 8,
        "modules": [
            {
                "title": "The international climate framework",
                "summary": "From the UNFCCC to the Paris Agreement, and what goes into an NDC.",
                "lessons": [
                    {
                        "title": "From the UNFCCC to the Paris Agreement",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Three milestones

- **1992, UN Framework Convention on Climate Change (UNFCCC)**: set the goal of preventing dangerous
  human interference with the climate system. All six Lancang-Mekong countries are Parties.
- **1997, Kyoto Protocol**: set binding emission targets for developed countries only.
- **2015, Paris Agreement**: all countries make commitments, aiming to hold warming well below 2 °C
  and to pursue efforts to limit it to 1.5 °C.

## How the Paris Agreement works

Instead of targets handed down from above, each country prepares its own nationally determined
contribution (NDC) and submits a new one every five years, each expected to be more ambitious than
the last. A global stocktake, the first of which concluded in 2023, assesses collective progress.
Adaptation and finance sit alongside mitigation, with a global goal on adaptation and a commitment by
developed countries to support developing ones.

## Why it matters locally

National commitments eventually become targets for ministries, provinces and cities: a renewable
energy share in Viet Nam's power development plan, a forest cover goal in Lao PDR, or the low-carbon
pilot provinces and cities that China has run since 2010. Local officials who understand the global
framework can explain why these targets exist and find support to meet them.

**Reflect:** Which national climate commitment of your country has the most direct effect on your
own work?
""",
                    },
                    {
                        "title": "What an NDC contains",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Core elements

Most NDCs include:

- **Mitigation targets**, often a reduction compared with a business-as-usual projection, sometimes
  split into an unconditional part and a larger part conditional on international support;
- **Sectoral measures** in energy, transport, agriculture, forestry, waste and industry;
- **Adaptation priorities**, frequently drawn from the national adaptation plan;
- **Information for clarity**: base year, methods, and the gases and sectors covered;
- **Support needs** for finance, technology and capacity building.

## Reading an NDC critically

Ask a few questions. Is the target an absolute cap, or relative to a projection that may change? Which
sectors are left out? How will progress be measured? Are women, children, ethnic minorities and people
with disabilities mentioned, and is anything concrete promised to them?

## Example: two-tier targets

Viet Nam's updated NDC sets an unconditional emissions reduction against business as usual, achieved
with domestic resources, and a much deeper conditional reduction if international finance and
technology are provided. Understanding this split helps provincial officials see where outside
funding could unlock extra action, for example in energy efficiency or rice cultivation.

**Reflect:** Find your country's latest NDC. What is one measure in it that your organisation could
help to deliver?
""",
                    },
                ],
            },
            {
                "title": "National adaptation planning",
                "summary": "The NAP process and how national priorities reach provinces and villages.",
                "lessons": [
                    {
                        "title": "The NAP process step by step",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## What is a NAP?

The national adaptation plan process was established under the UNFCCC in 2010 to help countries
identify medium- and long-term adaptation needs and build them into development planning. A NAP is a
continuing process, not only a document.

## Typical steps

1. **Lay the groundwork**: a mandate, a coordinating body and a stocktake of existing information.
2. **Assess risks and vulnerabilities**: climate projections plus sector and regional assessments.
3. **Identify and prioritise options**: using criteria such as urgency, cost and co-benefits.
4. **Implement** through ministries, sub-national governments and partners.
5. **Monitor, evaluate and report**, then update the plan.

Good NAPs are country-driven, gender-responsive and participatory, and they combine scientific
evidence with traditional and local knowledge.

## Example: "living with" water in the Mekong Delta

In 2017 the Government of Viet Nam adopted a resolution on climate-resilient development of the
Mekong Delta. It marked a shift away from fighting flood and salt water everywhere towards working
with nature: freshwater farming upstream, brackish systems in the middle, and saline aquaculture and
mangroves near the coast. Provincial plans and investments were then expected to follow this logic.

**Reflect:** Which step of the NAP process is weakest in your country, in your view, and why?
""",
                    },
                    {
                        "title": "Linking national plans to provinces and districts",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## The implementation gap

National plans are approved in capital cities, but most adaptation happens in provinces, districts and
villages. Without clear links, local governments may not know what a plan expects of them, or may lack
the budget and staff to act.

## Tools for vertical integration

- Provincial climate action plans aligned with national strategies.
- Climate screening of local investment projects before approval.
- Budget tagging that marks climate-relevant spending so it can be tracked.
- Guidelines and training for local planners.
- Channels for local priorities to travel upwards, not only instructions travelling down.

## Example: commune planning in Cambodia

Cambodia's commune councils prepare commune investment programmes every year. Guidance and training
for councils on climate-related projects, such as raising roads, small irrigation or community ponds,
has helped local priorities appear in these programmes. When commune priorities are recorded in the
same format used by provincial departments, they are far more likely to be funded.

**Reflect:** How does a priority raised in your community reach the provincial or national plan today,
and where does it get stuck?
""",
                    },
                    {
                        "title": "Regional cooperation on the Lancang-Mekong",
                        "minutes": 15,
                        "required": False,
                        "video_url": "",
                        "body": """## A shared river, shared risks

Floods, droughts, haze and changes in river flow do not stop at borders. Cooperation among the six
countries happens through several channels:

- the Lancang-Mekong Cooperation framework, launched in 2016, which covers water resources and
  environmental cooperation among its priority areas;
- the Mekong River Commission, whose members are Cambodia, Lao PDR, Thailand and Viet Nam, with China
  and Myanmar as dialogue partners;
- ASEAN bodies on the environment and disaster management;
- UN agencies and international NGOs working across borders.

## What cooperation can deliver

Regional cooperation makes it possible to share river flow and reservoir data, run joint flood and
drought forecasting, coordinate research, and arrange exchanges between cities and training
institutions, including courses like this one.

## Example: sharing hydrological data

Since 2020, China has shared year-round hydrological data from stations on the Lancang with the lower
Mekong countries. Forecasters downstream can combine these data with their own observations to improve
dry-season forecasts, which matter for irrigation, navigation and saline intrusion in the delta.

**Reflect:** Which cross-border issue affects your community most, and what information from
neighbouring countries would help you manage it?
""",
                    },
                ],
            },
            {
                "title": "Transparency and accountability",
                "summary": "Reporting under the Paris Agreement and engaging citizens in climate decisions.",
                "lessons": [
                    {
                        "title": "The Enhanced Transparency Framework",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Why transparency?

Trust between countries depends on knowing whether commitments are being met. The Paris Agreement's
Enhanced Transparency Framework sets common rules for reporting, with built-in flexibility for
developing countries that need it.

## What countries report

In Biennial Transparency Reports, the first of which were due by the end of 2024, Parties report:

- a national greenhouse gas inventory;
- progress towards their NDC;
- climate impacts and adaptation;
- financial, technology and capacity-building support provided or received.

Reports then go through a technical expert review and a facilitative, multilateral exchange of views.

## What it means for local actors

Data for national reports come from ministries, provinces, utilities, companies and projects. If a
provincial energy office records fuel sales carefully, the national inventory improves. A strong
measurement, reporting and verification system is a long chain with many links.

## Example: Thailand

In Thailand, the Thailand Greenhouse Gas Management Organization supports the national inventory and
works with municipalities and companies on carbon footprints. Municipal staff who learn to record
their energy use contribute, step by step, to better national reporting.

**Reflect:** Which data held by your organisation could contribute to your country's transparency
report?
""",
                    },
                    {
                        "title": "Engaging citizens and stakeholders",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Governance is more than government

Climate policy affects farmers, workers, businesses and future generations. Engaging them improves
plans and builds the public support needed to carry them out.

## Levels of engagement

- **Inform**: publish plans in local languages and plain terms.
- **Consult**: invite comments, hold hearings and visit affected communities.
- **Involve**: include representatives in working groups.
- **Partner**: share decisions and implementation, as in co-managed forests or fisheries.

## Principles

Engage early, before decisions are made. Include women, young people, ethnic minorities and people
with disabilities. Explain how input was used. Make sure people can speak freely and safely.

## Example: a provincial plan in the Mekong Delta

When a province in the Mekong Delta drafted its climate action plan, planners held sessions in several
communes, separately with the farmers' association, the women's union and the youth union. The women's
union pointed out that household drinking water during salinity peaks was missing from the draft. The
final plan added rainwater jars and tanks for poor households, and a small grant scheme to pay for them.

**Reflect:** Which level of engagement is most common in your country's climate planning, and what
would it take to move one level up?
""",
                    },
                ],
            },
        ],
    },
    {
        "slug": "ghg-inventory-local-governments",
        "title": "Tracking greenhouse gas emissions for local governments",
        "summary": (
            "A step-by-step guide for municipal and provincial staff to build a simple, credible greenhouse "
            "gas inventory and use it to set mitigation targets."
        ),
        "language": "en",
        "programme": "climate-governance",
        "estimated_hours": 10,
        "modules": [
            {
                "title": "Why and how local governments measure emissions",
                "summary": "The purpose of an inventory and how to set boundaries, scopes and sectors.",
                "lessons": [
                    {
                        "title": "What a local greenhouse gas inventory is for",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Measuring to manage

A greenhouse gas inventory estimates the emissions produced by activities in a city, district or
province over one year. It answers simple but vital questions: How much? From which sources? Is it
rising or falling?

## Uses of an inventory

- Setting a baseline and realistic reduction targets.
- Identifying the largest sources so that action can be prioritised.
- Tracking progress and reporting to national government, partners or city networks.
- Attracting climate finance, which usually requires credible data.

## Two kinds of inventory

A **government operations inventory** covers the local authority's own buildings, vehicles, street
lights and waste services. A **community-wide inventory** covers all activities in the territory. Many
small towns start with their own operations: it is easier, the data are in their own files, and it
shows leadership.

## Example: a municipality in northern Thailand

A municipality in northern Thailand began by collecting a year of electricity bills for its offices,
fuel receipts for its rubbish trucks and the bills for street lighting. Street lights turned out to
be the largest single item. Switching to LED lamps cut both emissions and the electricity bill, and the
savings helped pay for the next step.

**Reflect:** Who in your local government would need to be involved to start a simple inventory?
""",
                    },
                    {
                        "title": "Boundaries, scopes and sectors",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Set the boundary first

Decide the geographic area, for example the municipal boundary, and the inventory year. Keep both
fixed so that results can be compared over time.

## Scopes

The Global Protocol for Community-Scale Greenhouse Gas Emission Inventories (GPC) groups emissions by
where they occur:

- **Scope 1**: emissions from sources inside the boundary, such as fuel burnt in vehicles, cooking
  stoves or factories.
- **Scope 2**: emissions from grid electricity used inside the boundary, even when the power station
  is elsewhere.
- **Scope 3**: other emissions outside the boundary caused by activities inside it, such as waste
  taken to a landfill in a neighbouring district.

## Sectors

The main sectors are stationary energy; transport; waste; industrial processes and product use; and
agriculture, forestry and other land use. A "BASIC" inventory covers stationary energy, transport and
waste, while "BASIC+" adds the remaining sectors.

## Example: Vientiane

Most of the grid electricity used in Vientiane comes from hydropower, so emissions per unit of
electricity are relatively low. Road transport running on imported fuel is likely to be a much larger
source. Knowing this helps the city focus on public transport and vehicle efficiency first.

**Reflect:** Into which scope would the waste from your town fall, and why?
""",
                    },
                ],
            },
            {
                "title": "Collecting data and calculating emissions",
                "summary": "Activity data, emission factors and practical ways to fill gaps.",
                "lessons": [
                    {
                        "title": "Activity data and emission factors",
                        "minutes": 25,
                        "required": True,
                        "video_url": "",
                        "body": """## The basic formula

**Emissions = activity data x emission factor**

Activity data measure how much of an activity took place: litres of diesel, kilowatt-hours of
electricity, tonnes of waste. Emission factors convert these into greenhouse gases, usually in tonnes
of carbon dioxide equivalent (tCO2e).

## Where to find the numbers

- Activity data: utilities, fuel distributors, waste collection records, statistics offices, surveys.
- Emission factors: the national inventory, the grid emission factor published by the energy or
  environment ministry, and IPCC default values.

Always record the source and year of every number you use.

## Worked example

A district town used 40,000 megawatt-hours of grid electricity in one year. With an illustrative grid
factor of 0.5 tCO2 per megawatt-hour:

- 40,000 x 0.5 = 20,000 tCO2

The same town's buses and trucks bought 3 million litres of diesel. Diesel emits roughly 2.7 kg of
CO2 per litre:

- 3,000,000 x 2.7 = 8,100,000 kg, or 8,100 tCO2

## Carbon dioxide equivalent

Methane and nitrous oxide trap much more heat than carbon dioxide, so they are converted using global
warming potentials. Use the values required for your country's national reporting.

**Reflect:** For one sector in your area, list the activity data you would need and who holds them.
""",
                    },
                    {
                        "title": "Filling data gaps when records are incomplete",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Common gaps

Local teams often find that fuel sales are recorded only for the whole province, that electricity
data are not split by district, that the dumpsite has no weighbridge, or that much waste is collected
informally.

## Practical approaches

- **Downscaling**: take a provincial total and allocate it by population, registered vehicles or
  economic output.
- **Surveys**: a sample of households or businesses can estimate cooking fuel or motorbike use.
- **Proxies**: registered vehicles multiplied by average distance travelled and fuel use per km.
- **Defaults**: IPCC or national default values, clearly labelled as such.

Document every assumption and rate each data source as high, medium or low quality, so that the next
inventory team knows what to improve first.

## Example: waste in a Cambodian provincial town

In a provincial town in Cambodia without a weighbridge, the inventory team counted the trucks arriving
at the dumpsite for two weeks, estimated an average load, and scaled the result up to a full year. They
then checked the total against figures for waste generated per person in similar towns, and found the
two estimates within about 15 percent of each other.

**Reflect:** Which data gap in your area is most serious, and which approach above would you try first?
""",
                    },
                    {
                        "title": "Emissions from waste and rice fields",
                        "minutes": 15,
                        "required": False,
                        "video_url": "",
                        "body": """## Methane matters

In many Mekong communities, two of the main sources of methane are solid waste in dumpsites and
flooded rice paddies. Methane is a powerful, relatively short-lived greenhouse gas, so cutting it
brings climate benefits quickly.

## Waste

Food and garden waste rotting without oxygen in a dumpsite releases methane for many years. Options
include:

- separating food waste for composting or biogas;
- covering landfill cells and capturing the gas;
- reducing food loss in markets and restaurants.

## Rice

Continuously flooded paddies produce methane. Alternate wetting and drying, which lets the field dry
out for short periods, can reduce methane substantially and save irrigation water when managed well.
Burning rice straw adds further emissions as well as harmful smoke.

## Example: An Giang

Farmers in An Giang province in Viet Nam have tested alternate wetting and drying using a simple
perforated plastic tube pushed into the soil, which shows the water level below the surface. Local
inventories that include rice methane can show the benefit of scaling up such practices, and can help
attract support for farmers who adopt them.

**Reflect:** Are waste or rice methane included in your local emission estimates? If not, what would
it take to add them?
""",
                    },
                ],
            },
            {
                "title": "Using the inventory",
                "summary": "Quality control, documentation, and turning results into targets and action.",
                "lessons": [
                    {
                        "title": "Quality checks and documentation",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Why quality matters

An inventory is only useful if people trust it. A small slip, such as confusing litres with cubic
metres, can make a result wrong by a factor of a thousand.

## Simple checks

- Compare totals with last year and with similar towns; investigate large differences.
- Check the units at every step of every calculation.
- Ask a colleague who did not do the calculation to review it.
- Make sure nothing is counted twice, for example electricity in both buildings and industry.
- Keep all sources, dates and assumptions together in one worksheet.

## Documentation

Write a short methods note covering the boundary, year, sectors, data sources, emission factors, data
quality and planned improvements. Good documentation lets new staff repeat the inventory when
experienced colleagues move on.

## Example: a district in Yunnan

A district environment bureau in Yunnan found that its transport emissions had apparently doubled in
one year. A check showed that fuel sold at new highway service stations had been included, although
most of it was used by long-distance trucks passing straight through. The team decided to report that
fuel separately and explain the change in the methods note.

**Reflect:** Who could act as an independent reviewer for your inventory?
""",
                    },
                    {
                        "title": "From inventory to mitigation targets",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Read the results

Rank sources from largest to smallest. Often a handful, such as grid electricity, road transport and
waste, make up most of the total.

## Build simple scenarios

- **Business as usual**: emissions if population and the economy grow with no new policies.
- **Planned actions**: the effect of policies that are already agreed.
- **Ambitious**: extra actions, such as solar panels on all public buildings or electric buses.

## Set targets

Targets can be absolute, for example 20 percent below 2025 levels by 2035, or based on intensity, such
as emissions per resident. Align them with your country's NDC and long-term carbon neutrality goals,
and check that the actions needed are within the powers of the local government.

## Example: a city in the Mekong Delta

A city in the Mekong Delta might find that electricity for ice plants and cold storage for seafood is
a large share of its emissions. A target backed by energy audits and low-interest loans for efficient
refrigeration can reduce both emissions and costs for local businesses, which makes the target easier
to defend politically.

**Reflect:** Which action in your area could reduce the largest emission source within five years?
""",
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Low-carbon cities
    # ------------------------------------------------------------------
    {
        "slug": "low-carbon-city-planning",
        "title": "Low-carbon city planning",
        "summary": (
            "How urban form, buildings, energy, waste and infrastructure choices shape a city's emissions, "
            "and how to turn a low-carbon vision into a plan with owners and targets."
        ),
        "language": "en",
        "programme": "low-carbon-cities",
        "estimated_hours": 8,
        "modules": [
            {
                "title": "Cities and the low-carbon transition",
                "summary": "Where urban emissions come from and the planning principles that reduce them.",
                "lessons": [
                    {
                        "title": "Where urban emissions come from",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Cities as emission centres

Cities in the Lancang-Mekong region are growing fast, and urban areas account for most of the world's
energy use. The main sources of urban emissions are:

- electricity for air conditioning, lighting and appliances in homes, offices and shopping centres;
- road transport, especially private cars and motorbikes;
- industry and construction, including cement and steel;
- solid waste in dumpsites and untreated wastewater.

## Lock-in

Roads, buildings and power plants last for decades. A low-density suburb built today will shape how
people travel and use energy for the rest of the century. This is why planning decisions made now
matter so much.

## Example: Phnom Penh

Phnom Penh has expanded rapidly over the past two decades, with new developments built on filled lakes
and wetlands at the edge of the city. Growth of this kind lengthens daily trips and increases car use,
while the loss of wetlands also raises flood risk, because the water that used to be stored there now
runs into streets and homes. It shows how closely mitigation and adaptation are linked.

**Reflect:** Which new development in your city will have the longest-lasting effect on emissions,
and why?
""",
                    },
                    {
                        "title": "Compact, connected and green: planning principles",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Three principles

- **Compact**: mix homes, jobs, schools and shops so that daily trips are short, and allow enough
  density near public transport.
- **Connected**: continuous networks of footpaths, cycle lanes and public transport, with
  transit-oriented development around stations.
- **Green**: protect rivers, wetlands and parks, and use blue-green infrastructure for cooling and
  flood control.

## Tools for planners

Zoning that permits mixed uses; limits on parking instead of minimum parking requirements; land value
capture around new stations; green building codes; and a protected network of green and blue spaces in
the master plan.

## Example: Bangkok's rail network

As Bangkok's mass transit lines extend into the suburbs, the land around new stations is being
redeveloped. If station areas combine housing that workers can afford, shops, services and good
footpaths, many residents can manage daily life without a car. If they become car-oriented malls
surrounded by large car parks, much of the benefit of the rail investment is lost.

**Reflect:** Think of a transit station or market in your city. How easy is it to reach on foot, and
what would make it easier?
""",
                    },
                ],
            },
            {
                "title": "Sector strategies",
                "summary": "Buildings, clean energy and waste: practical measures for tropical cities.",
                "lessons": [
                    {
                        "title": "Energy-efficient buildings in a hot climate",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Cooling drives demand

In tropical cities, air conditioning is often the largest share of electricity use in buildings, and
demand peaks during each hot season.

## Design measures

- Orient buildings to limit sun on east and west walls.
- Use overhangs, shading devices and light-coloured roofs.
- Insulate roofs and choose windows that let in light but not heat.
- Allow natural ventilation and use ceiling fans when it is not too humid.
- Choose efficient inverter air conditioners and set them at 25 to 26 °C.

## Policy tools

Building energy codes, appliance labels such as Thailand's Label No. 5, green building certification,
and retrofit programmes that start with public buildings like schools, hospitals and offices.

## Example: learning from traditional houses

Traditional houses across the region, such as raised wooden houses in Laos and Thailand, Khmer stilt
houses and Vietnamese houses with deep verandas, use shade, height and cross-ventilation to stay cool.
Architects in Bangkok, Hanoi and Kunming borrow these ideas in modern buildings with deep eaves,
shaded courtyards and openings that let breezes through.

**Reflect:** What is one change in your office building that would reduce the need for air
conditioning?
""",
                    },
                    {
                        "title": "Rooftop solar and clean energy for cities",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Sunlight as a local resource

Most of the region receives strong sunshine for much of the year. Rooftop solar on homes, schools,
markets and factories produces electricity where it is used, reducing losses and bills.

## Models for cities

- **Public buildings**: the municipality installs panels on schools, clinics and offices.
- **Private rooftops**: net-metering or self-consumption rules let owners offset their bills.
- **Third-party models**: a company installs and owns the system, and the building buys the power.
- **Off-grid uses**: solar pumps for irrigation and solar street lighting.

## Barriers

Grid connection rules, upfront costs, a shortage of trusted installers, and rented buildings where the
owner pays for the roof but the tenant pays the bills.

## Example: Viet Nam's rooftop solar boom

Around 2019 and 2020, generous feed-in tariffs in Viet Nam led to a rapid rise in rooftop solar, with
thousands of megawatts installed in a very short time. The boom showed how quickly good policy can
mobilise private investment, and also that grids need planning, storage and flexible rules to absorb
so much variable power.

**Reflect:** Which public rooftops in your city could host solar panels, and who would need to agree?
""",
                    },
                    {
                        "title": "Turning urban waste into a resource",
                        "minutes": 15,
                        "required": False,
                        "video_url": "",
                        "body": """## Waste in numbers

Food and garden waste often make up half or more of municipal waste in Mekong cities. When it rots in
dumpsites it produces methane, polluted leachate and foul smells.

## Options along the waste hierarchy

- **Prevent**: reduce food loss in markets and discourage single-use plastics.
- **Separate at source**: organic, recyclable and residual waste in different bins.
- **Treat organics**: composting or anaerobic digestion for fertiliser and biogas.
- **Recycle**: support informal waste pickers, who already recover much of the plastic and metal.
- **Dispose safely**: sanitary landfill with gas capture for what is left.

## Example: waste banks in Thailand

Many Thai communities and schools run waste banks. Residents bring sorted recyclables, which are
weighed and credited to their savings accounts. The schemes cut the amount of waste sent to landfill
and earn small incomes for members. Adding community composting tackles the largest fraction of all,
food waste.

**Reflect:** What happens to the food waste from your local market today?
""",
                    },
                ],
            },
            {
                "title": "Making the plan happen",
                "summary": "Sustainable infrastructure, investment choices and governance of the plan.",
                "lessons": [
                    {
                        "title": "Sustainable infrastructure and investment planning",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Infrastructure shapes the future

Roads, power plants, water systems, drainage and ports determine emissions and climate risk for
generations. Sustainable infrastructure is low-carbon, resilient to climate hazards, inclusive, and
respectful of ecosystems.

## Questions for every project

- Does it lock in fossil fuel use, or enable clean alternatives?
- Is it designed for future rainfall, heat and sea levels, not only past conditions?
- Who benefits and who bears the costs, including households that must move?
- Does it protect rivers, wetlands and forests? Could a nature-based option do the same job?

## Nature-based solutions

Wetlands, mangroves and urban forests can reduce flooding and heat, often at lower cost than concrete
alone, while also supporting fisheries, recreation and biodiversity.

## Example: Can Tho

Can Tho, the largest city in the Mekong Delta, faces river flooding, high tides and land subsidence.
The city has combined investment in drains, embankments and higher roads with protecting canals and
green spaces that can hold water. Planning these measures together, rather than project by project,
avoids simply pushing floodwater from one neighbourhood into the next.

**Reflect:** Which planned infrastructure project in your area should be checked against future
climate conditions?
""",
                    },
                    {
                        "title": "Governing the plan: targets, roles and review",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## A plan needs owners

A low-carbon city plan works only if someone is responsible for each action. Establish:

- a lead office with real authority, often reporting to the mayor or governor;
- focal points in the energy, transport, planning, waste and finance departments;
- a stakeholder forum that includes businesses, universities and community groups.

## Targets and indicators

Set a few clear targets, such as emissions per resident, the share of trips made on foot, by bicycle
or by public transport, or green space per resident. Publish progress every year.

## Review and update

Revise the plan every few years using the latest emissions inventory. Celebrate early wins, such as
the first solar-powered school, to keep political and public support.

## Example: learning between cities

Cities in the region learn from each other through ASEAN sustainable city programmes, sister-city
links and low-carbon city partnerships. A planning officer from a Lao provincial capital who visits a
Thai municipality and sees a working waste separation scheme can adapt it at home, which is often more
persuasive to colleagues than any report.

**Reflect:** Which office would be the right lead for a low-carbon plan in your city, and does it have
the authority it needs?
""",
                    },
                ],
            },
        ],
    },
    {
        "slug": "sustainable-transport-heat-resilient-streets",
        "title": "Sustainable urban transport and heat-resilient streets",
        "summary": (
            "Plan streets that move people efficiently, safely and cleanly, and that stay cool and liveable "
            "as heatwaves become more frequent."
        ),
        "language": "en",
        "programme": "low-carbon-cities",
        "estimated_hours": 6,
        "modules": [
            {
                "title": "Moving people, not cars",
                "summary": "The avoid-shift-improve framework and public transport that people choose.",
                "lessons": [
                    {
                        "title": "The avoid-shift-improve approach",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## A framework for clean transport

- **Avoid**: reduce the need for long trips through mixed land use, local services and online
  services.
- **Shift**: move trips to the most efficient modes: walking, cycling, buses, rail and boats.
- **Improve**: make each vehicle cleaner through efficiency, electrification and maintenance.

Cities often start with "improve" because new vehicles are visible, but "avoid" and "shift" usually
bring more benefits: less congestion, cleaner air and fewer road deaths.

## Motorbikes in the region

Motorbikes carry a large share of daily trips in Hanoi, Ho Chi Minh City, Vientiane, Phnom Penh and
many Thai towns. They are affordable and flexible, but they add to congestion, air pollution and road
injuries. Transport strategies have to work with this reality rather than ignore it.

## Example: Hanoi

Hanoi has opened its first metro lines and plans to restrict motorbikes in parts of the inner city.
Success will depend on whether buses, metro, walking and cycling offer a convenient alternative before
the restrictions begin, and on whether people on low incomes can still reach their jobs.

**Reflect:** Which of avoid, shift and improve would make the biggest difference in your city?
""",
                    },
                    {
                        "title": "Public transport that people want to use",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## What passengers value

- **Frequency**: a bus every ten minutes or better on main routes.
- **Reliability**: dedicated lanes keep buses out of traffic jams.
- **Safety and comfort**: lighting and shade at stops, seats, and staff trained to prevent harassment.
- **Affordability and easy payment**: integrated tickets and mobile payment.
- **First and last mile**: safe walking routes and feeder services to stations.

## Informal transport

Songthaews, tuk-tuks, remorks and motorbike taxis fill gaps in formal networks. Rather than banning
them, cities can bring them in as feeder services and help operators improve vehicles and working
conditions.

## Example: Phnom Penh city buses

Phnom Penh relaunched public bus services in 2014, starting with a few main corridors and low fares.
Ridership grew as routes expanded and students and workers found the service useful. Traffic
congestion remains a challenge, which shows why bus priority lanes and good feeder links matter as much
as the buses themselves.

**Reflect:** What would make you or your family switch one daily trip to public transport?
""",
                    },
                ],
            },
            {
                "title": "Streets for walking and cycling",
                "summary": "Designing safe, walkable streets and supporting cleaner two- and three-wheelers.",
                "lessons": [
                    {
                        "title": "Designing safe, walkable streets",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Streets are public spaces

In many Mekong cities, footpaths are blocked by parked motorbikes, stalls or broken paving, pushing
pedestrians into traffic. Walkable streets are the foundation of low-carbon transport, because every
public transport trip starts and ends on foot.

## Design elements

- Continuous, level footpaths, at least two metres wide where possible.
- Safe crossings at regular intervals, with raised tables or refuge islands.
- Lower speeds, such as 30 km/h, near schools, markets and homes.
- Protected cycle lanes on main roads.
- Space for street vendors that does not block walking.
- Shade trees and places to sit.

## Example: school zones

Pilot school-zone projects in cities such as Ho Chi Minh City have painted crossings, added bollards
and reduced speeds around primary schools at the start and end of the school day. Road injuries are a
leading cause of death for children and young people in the region, and school zones are a practical
first step towards safer streets for everyone.

**Reflect:** Walk 500 metres around your workplace. What stops people from walking there comfortably?
""",
                    },
                    {
                        "title": "Electric two- and three-wheelers",
                        "minutes": 15,
                        "required": False,
                        "video_url": "",
                        "body": """## Electrifying the most common vehicles

Because motorbikes and three-wheelers dominate traffic in many Mekong cities, electrifying them can
cut fuel costs, local air pollution and noise quickly.

## What helps

- Lower purchase costs through incentives or affordable loans.
- Battery swapping stations, which suit delivery riders and taxi drivers.
- Safety standards for batteries and charging.
- Collection and recycling of used batteries.
- Cleaner electricity, so that the climate benefit grows over time.

## Example: electric tuk-tuks and scooters

Electric tuk-tuks are increasingly common in Phnom Penh and Bangkok, and electric scooters have long
been widespread in Chinese cities such as Kunming. In Viet Nam, domestic manufacturers sell electric
motorbikes and some ride-hailing fleets are fully electric. Drivers often report lower daily running
costs, but they need reliable charging, spare parts and repair services close to where they work.

**Reflect:** What would it take for the motorbike taxi drivers in your city to switch to electric?
""",
                    },
                ],
            },
            {
                "title": "Cooling the city",
                "summary": "Urban heat islands, cooling measures and protecting people during heatwaves.",
                "lessons": [
                    {
                        "title": "Understanding urban heat islands",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Why cities are hotter

Concrete and asphalt absorb sunlight during the day and release heat at night. Air conditioners,
vehicles and industry add waste heat. Few trees and little open water mean less natural cooling. As a
result, dense city centres can be several degrees hotter than the surrounding countryside, especially
at night.

## Who is most affected

- Outdoor workers: street vendors, construction workers and delivery riders.
- Older people, infants and people with chronic illness.
- Residents of crowded settlements with metal roofs and poor ventilation.

## Example: Bangkok

Bangkok has a strong heat island. In the hot season, high temperatures combined with humidity can push
the heat index into the danger range. Heat at night is a particular concern, because the body cannot
recover when bedrooms stay hot. Thai meteorological and health authorities now publish heat index
forecasts and warnings during the hot season.

## Mapping heat

Satellite images of surface temperature, simple thermometers and residents' own observations can
together show which neighbourhoods and streets are hottest.

**Reflect:** Where are the hottest places in your neighbourhood, and who spends time there?
""",
                    },
                    {
                        "title": "Shade, trees and cool materials",
                        "minutes": 20,
                        "required": True,
                        "video_url": "",
                        "body": """## Cooling measures

- **Trees** shade pavements and buildings and cool the air as they release water vapour. Choose
  native species with wide canopies and leave enough space for roots.
- **Shade structures**: covered walkways and awnings at bus stops and markets.
- **Cool roofs and pavements**: light-coloured or reflective surfaces absorb less heat.
- **Water and green space**: parks, ponds and canals cool nearby streets and also store floodwater.
- **Building layout**: gaps between tall buildings that let breezes through.

## Example: Chulalongkorn Centenary Park

In central Bangkok, Chulalongkorn University's Centenary Park is built on a gentle slope, so that
rainwater flows through planted areas into a retention pond, while trees and lawns provide shade and
cooler air. One space serves both heat and flood resilience, and it is popular with residents every
evening.

## Maintenance matters

Young trees need watering in their first years, careful pruning and protection from being paved over.
Budgets for maintenance should be planned from the start, not left until trees begin to die.

**Reflect:** Where could a row of trees or a shade structure most help people walking in your city?
""",
                    },
                    {
                        "title": "Protecting people during heatwaves",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Heat-health action plans

A heat-health action plan coordinates health, weather, labour and city agencies. It usually includes:

- heat forecasts and warnings with clear thresholds;
- public advice on drinking water, rest and recognising heat illness;
- cooling spaces in libraries, temples or community halls;
- outreach to older people living alone;
- work and rest schedules for outdoor workers.

## Recognising heat illness

Heat exhaustion brings heavy sweating, dizziness and nausea. Heat stroke brings confusion, hot skin
and fainting, and it is a medical emergency. Move the person into the shade, cool them with water and
get medical help quickly.

## Example: central Myanmar

In recent hot seasons, towns in central Myanmar such as Mandalay and Magway have recorded temperatures
well above 40 °C. The long tradition of placing free drinking water pots along roads, often
maintained by neighbours and monasteries, offers a model for community-based heat response that cities
can build on.

**Reflect:** Which groups in your city would be hardest to reach with a heat warning, and how could you
reach them?
""",
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Women, children and youth
    # ------------------------------------------------------------------
    {
        "slug": "women-leading-climate-resilience",
        "title": "Women leading climate resilience in their communities",
        "summary": (
            "Explores how climate change affects women and men differently and equips women leaders and "
            "their allies with tools for gender-responsive climate action."
        ),
        "language": "en",
        "programme": "women-children-youth",
        "estimated_hours": 6,
        "modules": [
            {
                "title": "Why gender matters in climate action",
                "summary": "Different impacts, different capacities, and the policy commitments behind them.",
                "lessons": [
                    {
                        "title": "How climate impacts differ for women and men",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Same storm, different impacts

Climate hazards affect everyone, but not equally. Social roles, rights and resources shape who is
harmed and how:

- Women often fetch water and fuel, so droughts add hours to their working day.
- Women farmers may lack land titles, which limits their access to credit and extension services.
- In disasters, women and girls may face a higher risk of violence and lack privacy in shelters.
- Men may migrate for work after crop failures, leaving women to run farms with less support.
- Men may take greater risks during floods, for example by staying with boats or livestock.

## Not only victims

Women are also farmers, traders, leaders and keepers of knowledge about seeds, water and family
health. Good gender analysis looks at capacities as well as vulnerabilities.

## Example: migration from the Mekong Delta

In areas of the Mekong Delta hit by salinity and failed harvests, many young adults move to work in
factories around Ho Chi Minh City. Older women often stay behind to care for grandchildren while
managing the family plot. Their needs for information, credit and support are easily overlooked
because they rarely attend official meetings.

**Reflect:** In your community, which climate-related tasks fall mainly on women, and which on men?
""",
                    },
                    {
                        "title": "Gender-responsive climate policy",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## International commitments

Under the UNFCCC, countries agreed the Lima Work Programme on Gender and a Gender Action Plan. They
encourage women's participation in climate decision-making, gender-responsive budgeting and the
collection of data broken down by sex. Many NDCs and national adaptation plans in the region now
refer to gender.

## What gender-responsive looks like

- Women take part in designing and deciding, not only in attending.
- Budgets include allocations that clearly benefit women.
- Indicators measure results for women and men separately.
- National women's organisations and ministries are consulted from the start.

## Example: the Lao Women's Union

In Lao PDR, the Lao Women's Union has a network that reaches down to village level. Climate and
disaster projects that work through this network can reach women in remote villages with information
on disaster preparedness, nutrition and new livelihoods, and can bring women's views back up to
district and provincial planners.

**Reflect:** Does your country's NDC or national adaptation plan mention women? What concrete actions
does it commit to?
""",
                    },
                ],
            },
            {
                "title": "Women's leadership in practice",
                "summary": "Savings groups, livelihoods, disaster committees and a story from Yunnan.",
                "lessons": [
                    {
                        "title": "Savings groups and climate-smart livelihoods",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Financial buffers

Savings groups let members save small amounts each week and borrow for emergencies or investment.
After a flood or drought, savings can make the difference between recovering and falling into debt
with a moneylender.

## Climate-smart livelihoods led by women

- Home gardens with vegetables that tolerate drought or short floods.
- Chickens and ducks, which can be moved quickly when water rises.
- Food processing and trade, such as dried fish and fruit preserves.
- Mushroom growing and handicrafts that depend less on the weather.

## Example: Siem Reap

In villages around the Tonle Sap in Siem Reap province, some women's savings groups have set aside a
small emergency fund that lends at zero interest to members whose houses or crops are damaged by
floods. Several groups also buy rice seed together before planting, which lowers the price and makes
sure seed is available if a first planting fails.

**Reflect:** What would a savings group in your area need in order to act as a climate emergency fund
as well?
""",
                    },
                    {
                        "title": "Women in disaster preparedness committees",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Why representation matters

Disaster committees plan shelters, warnings and relief. When women take an active part, plans more
often include private toilets and washing spaces in shelters, care for infants and older people, and
supplies for menstrual hygiene.

## Ways to increase participation

- Agree a minimum share of women members, for example one third.
- Hold meetings at suitable times and provide childcare.
- Train women in first aid, search and rescue, and early warning.
- Make women leaders visible, for example as deputy chairs or spokespeople.

## Example: the Ayeyarwady delta

After Cyclone Nargis, some village disaster committees in the Ayeyarwady delta included women's groups
for the first time. The women kept a register of pregnant women, new mothers and older people living
alone, and stored sanitary supplies and baby food for shelters. This knowledge proved valuable during
later storms, when committees had to decide quickly who needed help first.

**Reflect:** How many women sit on the disaster committee in your village or commune, and what roles do
they hold?
""",
                    },
                    {
                        "title": "Story: a women's water committee in Yunnan",
                        "minutes": 10,
                        "required": False,
                        "video_url": "",
                        "body": """## A mountain village short of water

In a dry mountain village in Yunnan, the spring that supplied the households slowed more each dry
season. Women and girls walked further to fetch water, and vegetable gardens failed.

## What the women did

A group of women formed a water committee with support from the township. They:

- measured every roof and estimated how much rain each could collect;
- combined small grants with family labour to build water cellars, small covered tanks, beside
  houses;
- agreed rules for cleaning gutters and tanks before the rains;
- started drip-irrigated kitchen gardens using the stored water.

## Results

Within two seasons, most households had enough water for drinking and gardens through the dry months.
Women and girls gained time for study and paid work, and two committee members were later elected to
the village committee.

## Why it worked

The committee solved a problem that women felt every day, used a well-known local technology, and kept
its rules simple enough for everyone to follow.

**Reflect:** Which local resource problem could a women-led committee solve in your area?
""",
                    },
                ],
            },
            {
                "title": "Tools for gender-responsive projects",
                "summary": "Collecting disaggregated data and running meetings where everyone can speak.",
                "lessons": [
                    {
                        "title": "Collecting sex- and age-disaggregated data",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Counting everyone

Sex- and age-disaggregated data show who benefits and who is left out. Without them, a project may
report "500 people trained" when nearly all of them were men over forty.

## What to record

- Sex and age group of participants and beneficiaries.
- Disability, using short standard questions such as the Washington Group short set.
- Household headship, remembering that this hides women in male-headed households.
- Where possible, time use and access to land, credit and information.

## Collecting it well

Explain why you are asking and protect people's privacy. Use female interviewers for conversations
with women. Most importantly, analyse the data and act on what they show.

## Example: Champasak

A district agriculture office in Champasak province found that women were about 60 percent of
vegetable growers but only 15 percent of the people attending its training. The office changed to
shorter sessions held in villages on market days, with a female trainer, and women's attendance more
than tripled within a year.

**Reflect:** Which of your project's reports could be improved with sex- and age-disaggregated data?
""",
                    },
                    {
                        "title": "Running inclusive meetings",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Before the meeting

- Choose a time and place that suit women, carers and people with disabilities.
- Invite people directly, not only through the village head.
- Arrange interpretation for ethnic minority languages.

## During the meeting

- Work in small groups, including women-only groups where helpful.
- Use drawings, maps, and voting with stones or seeds, so that people who do not read can take part.
- Invite quieter participants to speak first and keep speeches short.
- Record women's suggestions, with their names if they agree.

## After the meeting

Report back on what was decided and how people's input was used. If nothing changes, people will stop
coming.

## Example: a Hmong village in Xiengkhouang

In a Hmong village in Xiengkhouang province, facilitators noticed that women rarely spoke in mixed
meetings. A female facilitator who spoke Hmong then met women separately. They identified fields at
risk of landslides and a shortage of seed after floods, and both issues became part of the village
adaptation plan.

**Reflect:** What one change will you make to your next meeting to make it more inclusive?
""",
                    },
                ],
            },
        ],
    },
    {
        "slug": "children-youth-climate-champions",
        "title": "Children and youth as climate champions",
        "summary": (
            "For teachers, youth workers and young leaders: protect children's rights in a changing climate "
            "and support young people to learn, act and be heard."
        ),
        "language": "en",
        "programme": "women-children-youth",
        "estimated_hours": 5,
        "modules": [
            {
                "title": "Children's rights and climate change",
                "summary": "Why climate change is a child rights issue and how to make schools safer.",
                "lessons": [
                    {
                        "title": "Why climate change is a child rights issue",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Children face greater risks

Children are more vulnerable to heat, disease, malnutrition and polluted water than adults. Disasters
interrupt schooling, sometimes for good. And today's children will live longest with the consequences
of decisions made now.

## Rights at stake

The UN Convention on the Rights of the Child protects children's rights to life, health and education,
and their right to be heard on matters that affect them. Climate change threatens all of these.
UNICEF's Children's Climate Risk Index has shown that hundreds of millions of children live in places
highly exposed to climate and environmental shocks.

## Risks in the region

- Floods and storms that damage schools and homes.
- Heat that harms health and makes learning harder.
- Drought and salinity that reduce safe drinking water and food.
- Smoke and traffic pollution that damage young lungs.

## Example: haze in northern Thailand

In the dry season, smoke from agricultural and forest fires often blankets Chiang Mai and nearby
provinces. Schools sometimes close or keep children indoors. Children breathing this air are at risk of
lasting harm to their lungs, which is why clean air is a child rights issue as well as an environmental
one.

**Reflect:** Which climate-related risk affects children most in your area?
""",
                    },
                    {
                        "title": "Safe schools in a changing climate",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Three pillars

The Comprehensive School Safety Framework, used by education ministries and partners, has three
pillars:

1. **Safe learning facilities**: schools sited and built to withstand local hazards.
2. **School disaster management**: plans, drills and safety committees.
3. **Risk reduction and resilience education**: teaching children about hazards, climate and safety.

## A climate-smart school checklist

- Is the school above flood level, and are the routes to it safe?
- Do classrooms stay cool enough to learn in, with shade, fans and drinking water?
- Do toilets and water supply keep working during drought and flood?
- Is there a plan to continue learning if the school has to close?

## Example: floods and school journeys

In flood-prone parts of Cambodia and the Mekong Delta, some schools are built on raised ground or have
upper floors that stay dry. Drowning is a leading cause of death for children in the flood season, so
some communes organise supervised boat transport and teach swimming and water safety before the floods
arrive.

**Reflect:** Using the checklist, what is the weakest point of a school you know?
""",
                    },
                ],
            },
            {
                "title": "Learning and acting at school",
                "summary": "School projects, youth-led risk mapping and climate clubs.",
                "lessons": [
                    {
                        "title": "Climate learning through school projects",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Learning by doing

Children remember what they do. School projects connect climate science to the local environment and
give students a sense that they can make a difference.

## Project ideas

- Measure rainfall and temperature with a simple weather station and compare with elders' memories.
- Map the trees around the school and plant shade trees where they are missing.
- Audit the school's electricity and water use and propose savings.
- Start a school garden with a compost heap.
- Interview grandparents about past floods and droughts.

## Example: school gardens in Lao PDR

Schools in several provinces of Lao PDR grow vegetables for school lunches. Students learn about soil,
water and seasons, and practise composting and careful watering. When a dry spell threatens the
garden, students can test mulching and collecting rainwater from the school roof, which is practical
adaptation they can take home to their families.

**Reflect:** Which school project would suit the age group and environment you work with?
""",
                    },
                    {
                        "title": "Youth-led risk mapping",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Young people as researchers

With paper maps, smartphones and free mapping apps, young people can map risks in their own
communities. They often notice things adults miss, such as unsafe paths to school or places where
children play in floodwater.

## Steps

1. Agree on questions: Where does water collect? Where is it too hot? Where do people feel unsafe?
2. Walk the area in small groups, always with an adult.
3. Mark points on the map, take photographs with permission, and note observations.
4. Present the results to parents, teachers and local officials.

Safety comes first: never enter floodwater or go near fast-flowing channels during a mapping walk.

## Example: flooded streets in Ho Chi Minh City

A group of secondary school students in Ho Chi Minh City mapped the streets near their school that
flood during high tides and heavy rain. They shared the map with their ward People's Committee, which
added the worst spots to its drain-clearing list before the next rainy season.

**Reflect:** What question would young people in your community most want to investigate?
""",
                    },
                    {
                        "title": "Running a youth climate club",
                        "minutes": 10,
                        "required": False,
                        "video_url": "",
                        "body": """## Getting started

- Find a supportive teacher or youth worker.
- Agree on a name, goals and a few simple rules.
- Meet regularly, for example once a week after school.
- Share roles: chair, note-taker, communications and treasurer.

## Activity ideas

- Clean-ups and recycling drives.
- Tree planting, with a plan for watering afterwards.
- Debates and film screenings.
- Campaigns on single-use plastic or saving energy at home.
- Online exchanges with clubs in other Mekong countries.

## Example: Can Tho

A youth climate club in Can Tho organised a week without plastic bags at a neighbourhood market.
Members explained the campaign to stallholders, handed out cloth bags sewn by parents, and counted the
plastic bags used before and after. The stallholders' association asked them to repeat it the
following year.

## Measuring success

Choose one number to track, such as bags saved, trees still alive after a year, or people reached,
so that the club can see its progress and report it.

**Reflect:** What would be your club's first activity, and how would you measure its success?
""",
                    },
                ],
            },
            {
                "title": "Making young voices count",
                "summary": "Meaningful participation and keeping children safe in climate activities.",
                "lessons": [
                    {
                        "title": "Meaningful youth participation",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Beyond tokenism

Inviting one young person to sit on a stage is not participation. Meaningful participation means that
young people influence decisions.

## A ladder of participation

- **Decoration**: young people are present but have no real role.
- **Consulted and informed**: adults ask for views and explain how they were used.
- **Shared decisions**: young people and adults decide together.
- **Youth-led**: young people initiate and lead, and adults support.

## Practical steps

Give young people seats on committees, with voting rights where possible. Share information in formats
they can use. Train adults to listen. Support youth-led projects with small grants and mentoring.

## Example: Local Conferences of Youth

Local Conferences of Youth, held in several Mekong countries, bring young people together to debate
climate issues and draft policy statements. These statements feed into the global Conference of Youth
and into national consultations, giving young people a direct route to decision-makers.

**Reflect:** Where on the ladder are the youth activities you know, and how could they move up one
step?
""",
                    },
                    {
                        "title": "Safeguarding children in climate activities",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Do no harm

Working with children brings responsibility. Every activity must protect children from physical and
emotional harm, exploitation and abuse.

## Key practices

- Obtain consent from parents or guardians, and agreement from the child.
- Have at least two adults present, and avoid one-to-one situations out of sight.
- Do not publish children's full names, locations or identifiable photos without permission.
- Plan for physical safety: no activities near deep water or during storms.
- Know how to report a concern under your organisation's safeguarding policy.

## Climate anxiety

Some children feel fear or sadness about climate change. Listen, acknowledge their feelings, focus on
actions they can take, and avoid frightening images.

## Example: a river clean-up in Luang Prabang

Before a river clean-up on the Nam Khan in Luang Prabang, organisers checked the water level, gave
every child gloves and a life jacket, kept the children on the bank while adults worked near the
water, and asked parents' permission before taking any photos.

**Reflect:** Does your organisation have a safeguarding policy, and do all staff and volunteers know
what it says?
""",
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Thai-language course
    # ------------------------------------------------------------------
    {
        "slug": "low-carbon-communities-thai",
        "title": "เมืองคาร์บอนต่ำเริ่มต้นที่ชุมชน",
        "summary": (
            "หลักสูตรสำหรับผู้นำชุมชนและเจ้าหน้าที่ท้องถิ่น ว่าด้วยการลดก๊าซเรือนกระจกและรับมือกับความร้อนในเมือง "
            "ผ่านพื้นที่สีเขียว การจัดการขยะ และแผนที่ชุมชนร่วมกันจัดทำ"
        ),
        "language": "th",
        "programme": "low-carbon-cities",
        "estimated_hours": 4,
        "modules": [
            {
                "title": "ความร้อนและคาร์บอนในเมือง",
                "summary": "ทำความเข้าใจว่าทำไมเมืองจึงร้อนขึ้น และก๊าซเรือนกระจกมาจากกิจกรรมใดในชีวิตประจำวัน",
                "lessons": [
                    {
                        "title": "ทำไมเมืองใหญ่อย่างกรุงเทพฯ จึงร้อนขึ้น",
                        "minutes": 10,
                        "required": True,
                        "video_url": "",
                        "body": """## เกาะความร้อนในเมือง

ถนนคอนกรีต ยางมะตอย และอาคารสูงดูดซับความร้อนจากแสงแดดในตอนกลางวัน แล้วคายความร้อนออกมาในตอนกลางคืน
ทำให้ใจกลางเมืองอย่างกรุงเทพฯ ร้อนกว่าพื้นที่รอบนอกอย่างเห็นได้ชัด สาเหตุสำคัญ ได้แก่

- ต้นไม้และพื้นที่สีเขียวมีน้อย
- ความร้อนจากเครื่องปรับอากาศและรถยนต์
- อาคารหนาแน่นจนลมพัดผ่านได้ยาก

## ตัวอย่างจากชุมชนริมคลอง

ในชุมชนริมคลองแห่งหนึ่งย่านบางกอกน้อย ผู้สูงอายุที่อาศัยในบ้านหลังคาสังกะสีเล่าว่า ช่วงเดือนเมษายนแทบนอนไม่หลับ
เพราะความร้อนสะสมตลอดทั้งคืน อาสาสมัครสาธารณสุขในชุมชนจึงเริ่มเยี่ยมบ้านผู้สูงอายุที่อยู่ลำพังทุกวัน
ในช่วงที่มีประกาศเตือนภัยความร้อน

**ชวนคิด:** จุดไหนในชุมชนของคุณร้อนที่สุด และใครบ้างที่ต้องใช้เวลาอยู่ที่นั่น
""",
                    },
                    {
                        "title": "ก๊าซเรือนกระจกจากชีวิตประจำวัน",
                        "minutes": 10,
                        "required": True,
                        "video_url": "",
                        "body": """## คาร์บอนมาจากไหน

กิจกรรมในชีวิตประจำวันของคนเมืองปล่อยก๊าซเรือนกระจกทั้งทางตรงและทางอ้อม เช่น

- การใช้ไฟฟ้ากับเครื่องปรับอากาศ ตู้เย็น และหลอดไฟ
- การเดินทางด้วยรถยนต์และรถจักรยานยนต์ส่วนตัว
- เศษอาหารที่ถูกนำไปฝังกลบจนเกิดก๊าซมีเทน

## ตัวอย่างการคำนวณอย่างง่าย

บ้านหลังหนึ่งใช้ไฟฟ้าเดือนละ 300 หน่วย (กิโลวัตต์ชั่วโมง) หากไฟฟ้าหนึ่งหน่วยปล่อยก๊าซประมาณ 0.5 กิโลกรัม
คาร์บอนไดออกไซด์เทียบเท่า บ้านหลังนี้จะปล่อยก๊าซราว 150 กิโลกรัมต่อเดือน การตั้งเครื่องปรับอากาศที่ 26 องศาเซลเซียส
และเลือกเครื่องใช้ไฟฟ้าที่มีฉลากประหยัดไฟเบอร์ 5 ช่วยลดได้ทั้งค่าไฟและคาร์บอน

**ชวนคิด:** ในบ้านของคุณ กิจกรรมใดใช้พลังงานมากที่สุด และจะเริ่มลดได้อย่างไร
""",
                    },
                ],
            },
            {
                "title": "ลงมือทำในชุมชน",
                "summary": "แนวทางที่ชุมชนทำได้เอง ตั้งแต่การเพิ่มร่มเงาไปจนถึงการตั้งธนาคารขยะ",
                "lessons": [
                    {
                        "title": "พื้นที่สีเขียวและร่มเงา",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## ต้นไม้คือเครื่องปรับอากาศธรรมชาติ

ต้นไม้ใหญ่ให้ร่มเงาและคายไอน้ำ ช่วยให้อากาศรอบ ๆ เย็นลง ทั้งยังช่วยซับน้ำฝนและกักเก็บคาร์บอน ชุมชนสามารถ

- ปลูกไม้ยืนต้นพันธุ์พื้นเมืองตามทางเดินและลานวัด
- ทำสวนผักบนดาดฟ้าหรือที่ว่างข้างบ้าน
- ติดตั้งหลังคาหรือผ้าใบบังแดดที่ป้ายรถเมล์และตลาด
- ผลัดกันรดน้ำต้นไม้ที่ปลูกใหม่ในหน้าแล้ง

## ตัวอย่าง: อุทยาน 100 ปี จุฬาลงกรณ์มหาวิทยาลัย

สวนสาธารณะกลางกรุงเทพฯ แห่งนี้ออกแบบพื้นให้ลาดเอียง เพื่อให้น้ำฝนไหลลงสู่บ่อหน่วงน้ำ พร้อมปลูกต้นไม้ให้ร่มเงา
จึงช่วยได้ทั้งเรื่องความร้อนและน้ำท่วมในพื้นที่เดียวกัน และเป็นที่พักผ่อนของคนในเมืองทุกเย็น

**ชวนคิด:** มีพื้นที่ว่างตรงไหนในชุมชนของคุณที่เปลี่ยนเป็นพื้นที่สีเขียวได้
""",
                    },
                    {
                        "title": "การจัดการขยะและธนาคารขยะ",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## ขยะก็เป็นทรัพยากร

ขยะจากบ้านเรือนในเมืองราวครึ่งหนึ่งเป็นขยะอินทรีย์ เช่น เศษอาหารและใบไม้ เมื่อนำไปฝังกลบจะเกิดก๊าซมีเทน
ซึ่งกักเก็บความร้อนได้มากกว่าคาร์บอนไดออกไซด์หลายสิบเท่า แนวทางที่ชุมชนทำได้ ได้แก่

- คัดแยกขยะตั้งแต่ต้นทาง เป็นขยะอินทรีย์ ขยะรีไซเคิล และขยะทั่วไป
- ทำปุ๋ยหมักหรือถังหมักเศษอาหารในครัวเรือน
- ตั้งธนาคารขยะ ให้สมาชิกนำขยะรีไซเคิลมาฝากและสะสมเป็นเงินออม

## ตัวอย่างจากชุมชนและโรงเรียน

ธนาคารขยะในหลายชุมชนและโรงเรียนทั่วประเทศไทยเปิดรับฝากขวดพลาสติก กระดาษ และกระป๋องเดือนละครั้ง
มีการชั่งน้ำหนักและบันทึกลงสมุดบัญชี บางแห่งนำผลกำไรไปจัดสวัสดิการให้สมาชิก เช่น เงินช่วยเหลือยามเจ็บป่วย

**ชวนคิด:** ขยะประเภทใดมีมากที่สุดในชุมชนของคุณ และจะเริ่มคัดแยกได้อย่างไร
""",
                    },
                ],
            },
            {
                "title": "วางแผนและติดตามผล",
                "summary": "รวบรวมแนวคิดเป็นแผนชุมชนคาร์บอนต่ำ และติดตามความก้าวหน้าอย่างต่อเนื่อง",
                "lessons": [
                    {
                        "title": "การทำแผนชุมชนคาร์บอนต่ำ",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## ขั้นตอนง่าย ๆ

1. รวบรวมข้อมูลพื้นฐาน เช่น ค่าไฟฟ้าของอาคารส่วนรวม ปริมาณขยะ และจุดที่ร้อนที่สุด
2. จัดประชุมกลุ่มย่อย แยกกลุ่มผู้หญิง เยาวชน และผู้สูงอายุ เพื่อให้ทุกคนได้แสดงความคิดเห็น
3. เลือกกิจกรรมสามถึงห้าอย่างที่ทำได้จริงภายในหนึ่งปี
4. กำหนดผู้รับผิดชอบ งบประมาณ และตัวชี้วัดของแต่ละกิจกรรม
5. เสนอแผนต่อเทศบาลหรือองค์การบริหารส่วนตำบล เพื่อขอรับการสนับสนุน

## ตัวอย่างจากขอนแก่น

ชุมชนแห่งหนึ่งในจังหวัดขอนแก่นเลือกติดตั้งแผงโซลาร์เซลล์บนหลังคาศาลาประชาคม เปลี่ยนไฟถนนเป็นหลอดแอลอีดี
และตั้งธนาคารขยะ โดยได้งบประมาณสมทบจากเทศบาลและแรงงานอาสาจากสมาชิกในชุมชน

**ชวนคิด:** หากเลือกได้เพียงกิจกรรมเดียวเป็นกิจกรรมแรก ชุมชนของคุณจะเลือกอะไร เพราะเหตุใด
""",
                    },
                    {
                        "title": "ติดตามและสื่อสารผลลัพธ์",
                        "minutes": 10,
                        "required": False,
                        "video_url": "",
                        "body": """## วัดผลเพื่อเรียนรู้

การติดตามผลช่วยให้ชุมชนรู้ว่ากิจกรรมได้ผลหรือไม่ ตัวชี้วัดควรเรียบง่ายและเก็บข้อมูลได้เอง เช่น

- ค่าไฟฟ้าของอาคารส่วนรวมในแต่ละเดือน
- น้ำหนักขยะรีไซเคิลที่ธนาคารขยะรับฝาก
- จำนวนต้นไม้ที่ปลูกและยังเติบโตอยู่

## สื่อสารให้ทุกคนรู้

ติดกระดานแสดงผลไว้ที่ศาลาประชาคม เล่าเรื่องความสำเร็จในกลุ่มไลน์ของชุมชน และชวนเด็ก ๆ ทำป้ายหรือคลิปวิดีโอสั้น
ชุมชนแห่งหนึ่งในเชียงใหม่ติดป้ายว่า "เดือนนี้เราลดขยะไปฝังกลบได้ 320 กิโลกรัม" เมื่อสมาชิกเห็นผลที่จับต้องได้
ก็อยากร่วมมือกันต่อไป

**ชวนคิด:** ตัวชี้วัดใดที่ชุมชนของคุณเก็บข้อมูลได้ง่ายที่สุด และใครจะเป็นผู้รับผิดชอบ
""",
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Vietnamese-language course
    # ------------------------------------------------------------------
    {
        "slug": "saline-intrusion-adaptation-mekong-delta",
        "title": "Thích ứng với xâm nhập mặn ở Đồng bằng sông Cửu Long",
        "summary": (
            "Khóa học dành cho cán bộ xã, hội viên phụ nữ và nông dân về nguyên nhân xâm nhập mặn, cách theo "
            "dõi độ mặn và các giải pháp sinh kế, trữ nước do cộng đồng chủ động thực hiện."
        ),
        "language": "vi",
        "programme": "community-adaptation",
        "estimated_hours": 5,
        "modules": [
            {
                "title": "Hiểu về xâm nhập mặn",
                "summary": "Nguyên nhân, xu hướng và cách đọc thông tin dự báo độ mặn.",
                "lessons": [
                    {
                        "title": "Xâm nhập mặn là gì và vì sao ngày càng nghiêm trọng",
                        "minutes": 10,
                        "required": True,
                        "video_url": "",
                        "body": """## Khi nước biển lấn sâu vào đất liền

Vào mùa khô, lưu lượng nước sông Mê Kông giảm, nước biển theo thủy triều đi ngược vào các cửa sông
và kênh rạch. Những năm gần đây, mặn xâm nhập sớm hơn, sâu hơn và kéo dài hơn do:

- mùa khô kéo dài, lượng mưa thất thường;
- nước biển dâng và sụt lún đất do khai thác nước ngầm quá mức;
- dòng chảy và phù sa từ thượng nguồn thay đổi.

## Ví dụ: mùa khô 2019-2020

Trong mùa khô 2019-2020, mặn xâm nhập sâu vào nhiều tỉnh như Bến Tre, Tiền Giang và Cà Mau. Hàng
chục nghìn hộ gia đình thiếu nước sinh hoạt, và một số tỉnh đã phải công bố tình huống khẩn cấp về
hạn hán, xâm nhập mặn.

**Suy ngẫm:** Gia đình bạn đã gặp những khó khăn gì trong mùa mặn gần nhất?
""",
                    },
                    {
                        "title": "Theo dõi độ mặn và bản tin dự báo",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Đọc độ mặn theo đơn vị phần nghìn

Độ mặn thường được đo bằng phần nghìn (‰), tức là số gam muối trong một lít nước. Một vài mốc cần nhớ:

- Dưới 1‰: vẫn dùng tưới được cho đa số cây trồng, nhưng nước uống cần độ mặn thấp hơn nhiều.
- Khoảng 2-4‰: lúa bắt đầu bị ảnh hưởng, nhất là giai đoạn mạ và trổ bông.
- Trên 4‰: ngưỡng thường dùng trong bản tin để cảnh báo gây hại cho lúa.

## Nguồn thông tin

Trong mùa khô, cơ quan khí tượng thủy văn và ngành nông nghiệp địa phương thường phát bản tin dự báo
mặn hằng tuần qua loa phát thanh xã, nhóm Zalo và trang thông tin của tỉnh. Nông dân có thể tự đo bằng
bút đo độ mặn cầm tay trước khi lấy nước vào ruộng hoặc vườn.

## Ví dụ

Ở một số xã của tỉnh Vĩnh Long, tổ đo mặn của hợp tác xã đo nước kênh mỗi sáng và nhắn kết quả vào
nhóm Zalo, giúp bà con biết lúc nào nên đóng cống, lúc nào có thể bơm nước.

**Suy ngẫm:** Xã của bạn nhận bản tin độ mặn bằng cách nào, và thông tin có đến kịp thời không?
""",
                    },
                ],
            },
            {
                "title": "Giải pháp cho sinh kế",
                "summary": "Các mô hình sản xuất và cách trữ nước giúp hộ gia đình thích ứng với mặn.",
                "lessons": [
                    {
                        "title": "Chuyển đổi mô hình sản xuất: lúa - tôm và cây chịu mặn",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Sống chung với mặn

Thay vì ngăn mặn bằng mọi giá, nhiều địa phương chuyển sang sản xuất "thuận thiên", bố trí cây trồng
và vật nuôi theo vùng nước ngọt, nước lợ và nước mặn:

- Mô hình lúa - tôm: nuôi tôm vào mùa khô khi nước lợ, trồng lúa vào mùa mưa khi mưa đã rửa mặn.
- Giống lúa chịu mặn, ngắn ngày, xuống giống sớm để thu hoạch trước khi mặn vào.
- Chuyển vườn cây ăn trái quá nhạy cảm với mặn sang cây trồng, vật nuôi phù hợp hơn.

## Ví dụ: vùng ven biển An Giang và Cà Mau

Ở các xã ven biển An Giang (trước đây thuộc Kiên Giang) và Cà Mau, mô hình lúa - tôm giúp nhiều hộ
có thu nhập ổn định hơn. Vì con tôm cần môi trường sạch, nông dân giảm dùng phân bón và thuốc bảo vệ
thực vật, nên gạo từ ruộng lúa - tôm thường bán được giá cao hơn.

**Suy ngẫm:** Mô hình nào phù hợp với nguồn nước và đất đai của gia đình bạn?
""",
                    },
                    {
                        "title": "Trữ nước ngọt cho hộ gia đình",
                        "minutes": 10,
                        "required": True,
                        "video_url": "",
                        "body": """## Chuẩn bị trước mùa khô

Nước sinh hoạt là nhu cầu cấp thiết nhất khi mặn vào. Các cách trữ nước phổ biến:

- lu, khạp và bồn nhựa hứng nước mưa từ mái nhà;
- túi trữ nước cỡ lớn đặt trong vườn;
- ao trữ nước ngọt có lót bạt chống thấm;
- vệ sinh máng xối và bể chứa trước mùa mưa.

## Tính nhu cầu nước

Một gia đình 4 người, mỗi người cần khoảng 20 lít nước mỗi ngày cho ăn uống và nấu nướng, sẽ cần
khoảng 2.400 lít cho một tháng mùa khô. Nên đậy kín dụng cụ chứa để tránh muỗi, ưu tiên nước mưa cho
ăn uống, và chia sẻ nước với người già neo đơn trong xóm.

## Ví dụ

Sau mùa mặn 2019-2020, nhiều hội phụ nữ xã ở Bến Tre đã vận động quyên góp bồn chứa nước cho các hộ
khó khăn, kèm theo hướng dẫn giữ nước sạch.

**Suy ngẫm:** Gia đình bạn cần trữ bao nhiêu nước để đủ dùng trong một tháng mùa khô?
""",
                    },
                ],
            },
            {
                "title": "Lập kế hoạch cộng đồng",
                "summary": "Đưa giải pháp vào kế hoạch của ấp, xã và quan tâm đến nhóm dễ bị tổn thương.",
                "lessons": [
                    {
                        "title": "Lập kế hoạch thích ứng cấp ấp, xã",
                        "minutes": 15,
                        "required": True,
                        "video_url": "",
                        "body": """## Các bước chính

1. Đánh giá rủi ro có sự tham gia của người dân: vẽ bản đồ vùng nhiễm mặn, lập lịch mùa vụ.
2. Xác định các hộ dễ bị tổn thương nhất.
3. Chọn giải pháp ưu tiên như cống ngăn mặn, trữ nước, chuyển đổi cây trồng.
4. Phân công trách nhiệm và xác định nguồn lực từ ngân sách xã, chương trình của tỉnh và đóng góp
   của người dân.
5. Lồng ghép vào kế hoạch phát triển kinh tế - xã hội hằng năm của xã.

## Ví dụ

Một xã ven biển ở Cà Mau dùng lịch mùa vụ để thống nhất thời điểm xuống giống sớm, tránh đợt mặn cao
điểm vào tháng Hai và tháng Ba. Kế hoạch sau đó được đưa vào nghị quyết của Hội đồng nhân dân xã để
có kinh phí thực hiện.

**Suy ngẫm:** Ai trong xã bạn nên tham gia lập kế hoạch nhưng thường vắng mặt?
""",
                    },
                    {
                        "title": "Hỗ trợ nhóm dễ bị tổn thương",
                        "minutes": 10,
                        "required": False,
                        "video_url": "",
                        "body": """## Ai chịu ảnh hưởng nhiều nhất?

- Người cao tuổi sống một mình và người khuyết tật.
- Phụ nữ làm chủ hộ và hộ nghèo không có đất sản xuất.
- Trẻ em trong các gia đình thiếu nước sạch, dễ mắc bệnh tiêu chảy.
- Người làm thuê mất việc khi ruộng vườn bị nhiễm mặn.

## Cách hỗ trợ

Lập danh sách hộ cần ưu tiên, phân công tổ tự quản đến thăm, cấp nước sạch trước cho các hộ này, hỗ
trợ vay vốn để chuyển đổi sinh kế và dạy nghề cho thanh niên.

## Ví dụ

Ở một ấp tại Vĩnh Long, chi hội phụ nữ và đoàn thanh niên cùng chở nước ngọt đến từng nhà người già
neo đơn mỗi tuần trong suốt mùa mặn.

**Suy ngẫm:** Trong ấp của bạn, hộ nào cần được ưu tiên hỗ trợ đầu tiên?
""",
                    },
                ],
            },
        ],
    },
]

TRAINEES = [
    # China
    {
        "email": "xiaoyan.li.cn@example.org",
        "full_name": "李晓燕",
        "latin_name": "Li Xiaoyan",
        "country": "CN",
        "sex": "female",
        "age_band": "25_34",
        "language": "zh-hans",
        "organisation": "LMEC",
    },
    {
        "email": "yanwen.cn@example.org",
        "full_name": "岩温",
        "latin_name": "Yan Wen",
        "country": "CN",
        "sex": "male",
        "age_band": "35_49",
        "language": "zh-hans",
        "organisation": "WWF-GM",
    },
    {
        "email": "siyu.liu.cn@example.org",
        "full_name": "刘思雨",
        "latin_name": "Liu Siyu",
        "country": "CN",
        "sex": "female",
        "age_band": "18_24",
        "language": "zh-hans",
        "organisation": "MYCA",
    },
    # Myanmar
    {
        "email": "nilarwin.mm@example.org",
        "full_name": "ဒေါ်နီလာဝင်း",
        "latin_name": "Daw Nilar Win",
        "country": "MM",
        "sex": "female",
        "age_band": "35_49",
        "language": "my",
        "organisation": "MWCLN",
    },
    {
        "email": "kyawswar.mm@example.org",
        "full_name": "ဦးကျော်စွာ",
        "latin_name": "U Kyaw Swar",
        "country": "MM",
        "sex": "male",
        "age_band": "50_plus",
        "language": "my",
        "organisation": "",
    },
    {
        "email": "thiriaung.mm@example.org",
        "full_name": "မသီရိအောင်",
        "latin_name": "Ma Thiri Aung",
        "country": "MM",
        "sex": "female",
        "age_band": "18_24",
        "language": "my",
        "organisation": "UNICEF EAP",
    },
    # Lao PDR
    {
        "email": "bounmy.la@example.org",
        "full_name": "ບຸນມີ ພົມມະຈັນ",
        "latin_name": "Bounmy Phommachanh",
        "country": "LA",
        "sex": "male",
        "age_band": "35_49",
        "language": "lo",
        "organisation": "LCRA",
    },
    {
        "email": "khamla.la@example.org",
        "full_name": "ຄຳຫຼ້າ ສີສຸວັນ",
        "latin_name": "Khamla Sisouvanh",
        "country": "LA",
        "sex": "female",
        "age_band": "25_34",
        "language": "lo",
        "organisation": "LCRA",
    },
    {
        "email": "sengdao.la@example.org",
        "full_name": "ແສງດາວ ວົງສາ",
        "latin_name": "Sengdao Vongsa",
        "country": "LA",
        "sex": "female",
        "age_band": "18_24",
        "language": "lo",
        "organisation": "MYCA",
    },
    # Thailand
    {
        "email": "wilaiwan.th@example.org",
        "full_name": "วิไลวรรณ ศรีสุข",
        "latin_name": "Wilaiwan Srisuk",
        "country": "TH",
        "sex": "female",
        "age_band": "35_49",
        "language": "th",
        "organisation": "UNICEF EAP",
    },
    {
        "email": "thanakorn.th@example.org",
        "full_name": "ธนากร บุญมา",
        "latin_name": "Thanakorn Boonma",
        "country": "TH",
        "sex": "male",
        "age_band": "25_34",
        "language": "th",
        "organisation": "WRI",
    },
    {
        "email": "piyanuch.th@example.org",
        "full_name": "ปิยะนุช แก้วประเสริฐ",
        "latin_name": "Piyanuch Kaewprasert",
        "country": "TH",
        "sex": "female",
        "age_band": "50_plus",
        "language": "th",
        "organisation": "",
    },
    # Cambodia
    {
        "email": "sophea.kh@example.org",
        "full_name": "ជា សុភា",
        "latin_name": "Chea Sophea",
        "country": "KH",
        "sex": "female",
        "age_band": "25_34",
        "language": "km",
        "organisation": "MWCLN",
    },
    {
        "email": "rithy.kh@example.org",
        "full_name": "ម៉ៅ រិទ្ធី",
        "latin_name": "Mao Rithy",
        "country": "KH",
        "sex": "male",
        "age_band": "35_49",
        "language": "km",
        "organisation": "UNEP",
    },
    {
        "email": "sreyneang.kh@example.org",
        "full_name": "ហេង ស្រីនាង",
        "latin_name": "Heng Sreyneang",
        "country": "KH",
        "sex": "female",
        "age_band": "18_24",
        "language": "km",
        "organisation": "MYCA",
    },
    # Viet Nam
    {
        "email": "maianh.vn@example.org",
        "full_name": "Trần Thị Mai Anh",
        "latin_name": "Tran Thi Mai Anh",
        "country": "VN",
        "sex": "female",
        "age_band": "25_34",
        "language": "vi",
        "organisation": "WWF-GM",
    },
    {
        "email": "vanphuc.vn@example.org",
        "full_name": "Lê Văn Phúc",
        "latin_name": "Le Van Phuc",
        "country": "VN",
        "sex": "male",
        "age_band": "50_plus",
        "language": "vi",
        "organisation": "",
    },
    {
        "email": "minhkhoa.vn@example.org",
        "full_name": "Phạm Minh Khoa",
        "latin_name": "Pham Minh Khoa",
        "country": "VN",
        "sex": "male",
        "age_band": "18_24",
        "language": "vi",
        "organisation": "MYCA",
    },
]
