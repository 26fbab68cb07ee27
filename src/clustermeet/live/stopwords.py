"""Stop words of the EU languages, for the word cloud (data only, no logic).

Each list holds function words — articles, pronouns, prepositions, conjunctions, auxiliaries and a
few very common adverbs — written as in ordinary text, with their accents. ``words.py`` folds them
the same way it folds the participants' entries (case, accents, apostrophes), so ``"è"`` here
matches ``"e"``, ``"È"`` or ``"é"`` typed by a participant.

The nine largest languages (EN DE FR ES IT PT NL PL CS) have about 60–110 words each; the other
official languages have a shorter list of their most frequent function words. Greek and Bulgarian
are in their own scripts (no transliteration: "to", "na", "me" would collide with other languages).

Content words must never be added here: "cluster", "innovation" or "digital" are exactly what a word
cloud is for. Words that are function words in one language but meaningful acronyms in a
conference about clusters ("AI", "EU", "IT", "SME") are listed in ``words.NEVER_STOP`` and are kept
whatever the lists below say.
"""

_RAW: dict[str, str] = {
    "en": """
        a about above after again against all am an and any are as at be because been before
        below between both but by can could did do does doing don't during each few for from
        further had has have having he her here hers herself him himself his how i if in into is
        it it's its itself just me more most my myself no nor not of on once only or other our
        ours ourselves own same she should so some such than that the their theirs them
        themselves then there these they this those through to too under until very was we were
        what when where which while who whom why with would you your yours yourself
    """,
    "de": """
        aber alle allem allen aller alles als also am an auch auf aus bei bin bis bist da damit
        dann das dass dein dem den denn der des dich die dies diese diesem diesen dieser dieses
        dir doch dort du durch ein eine einem einen einer eines er es euch euer für gegen hat
        hatte haben hier ich ihm ihn ihnen ihr ihre im in indem ins ist jede jedem jeden jeder
        jedes kann kein keine man mich mir mit muss nach nicht noch nun nur ob oder ohne sehr
        sein seine sich sie sind so über um und uns unser unter vom von vor waren was weil wenn
        werden wie wir wird wo zu zum zur zwischen
    """,
    "fr": """
        à au aux avec ce ceci cela ces cet cette dans de des du elle elles en entre est et être
        eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on
        ont ou où par pas plus pour qu que qui sa sans se ses son sont sous sur ta te tes toi
        ton tous tout toute toutes très tu un une vos votre vous y été était sera comme donc si
        aussi
    """,
    "es": """
        a al algo algunos ante como con contra cual cuando de del desde donde durante e el él
        ella ellas ellos en entre es esa esas ese eso esos esta está están estas este esto estos
        fue ha han hasta hay la las le les lo los más me mi mis mucho muy nada ni no nos
        nosotros o otra otro para pero poco por porque que qué quien se ser si sí sin sobre son
        su sus también te tiene todo todos tu tus un una unas uno unos y ya yo
    """,
    "it": """
        a ad agli al alla alle allo anche che chi ci come con cui da dal dalla dalle degli dei
        del della delle dello di dove e è ed gli ha hanno ho i il in io la le lei lo loro lui ma
        mi mio ne negli nei nel nella nelle noi non o per perché più quale quando quella quelli
        quello questa questi questo se si sia sono su sua sui sul sulla suo tra fra tu tutti
        tutto un una uno voi molto essere
        ai
    """,
    "pt": """
        a à ao aos as às até com como da das de dela dele do dos e é ela elas ele eles em entre
        essa esse esta está este isso isto já lhe mais mas me mesmo meu minha muito na nas não
        nem no nos nós num numa o os ou para pela pelas pelo pelos por quando que quem se sem
        ser seu seus sua suas são também te tem um uma umas uns você foi há
    """,
    "nl": """
        aan al alles als bij daar dan dat de der deze die dit doch door dus een en er ge geen
        had heb hebben heeft hem het hier hij hoe hun ik in is ja je kan kon maar me meer men
        met mij mijn na naar niet niets nog nu of om omdat ons ook op over te tegen toch toen
        tot u uit van veel voor want was wat we wel werd wie wij worden wordt zal ze zij zich
        zijn zo zonder zou
    """,
    "pl": """
        a aby ale bardzo bez by być był była było były co czy dla do gdy go i ich im jak jako je
        jego jej jest już ją lub ma mi mnie może na nad nas nie nich o od on ona one oni ono
        oraz po pod przez przy się sobie są ta tak także te tego tej ten też to tu tych tylko
        tym u w we więc z za ze że który która które których jeszcze
    """,
    "cs": """
        a aby ale ani ano asi až bez by byl byla byli bylo být co což do i jak jako je jeho jej
        její jejich jen ještě již jsem jsi jsme jsou jste k kde kdy když ke který která které
        kteří mezi mi mít mu my na nad ne nebo než o od on ona oni ono pak po pod pro proto
        protože před při s se si tak také tam to ten tento této tím tu u už v ve však vy z za ze
        že
    """,
    "sk": """
        a aby aj ako ale alebo by bol bola bolo do ich ja je jeho jej k kde ked keď ktorý ktorá
        ktoré len ma mi na nad nie o od po pod pre pri s sa si som sú so tak tiež to ten tu už v
        vo z za že
        sme
    """,
    "sv": """
        att av de den denna det detta dem du där efter ej en er ett från för har hade han hon
        hur i inte jag kan man med mellan men mot när och om på samt sig sin sina ska som till
        under upp ut var vad vi vid är åt över
    """,
    "da": """
        af at da de dem den denne der det dette du efter eller en er et for fra han har hun hvad
        hvor i ikke jeg kan med men mod og om op over på sig sin som til ud under var vi være
        blev også
    """,
    "fi": """
        ei en ja jo joka jos kanssa kun me mikä minä mutta myös ne niin nyt oli olla on ovat se
        sekä sen siitä sinä tai tämä te he hän että kuin vain jotka sitä
    """,
    "et": """
        ei et ja ka kes kui kuid mis mida nagu ning on oli oma see selle ta nad me ma sa ole
        siis või aga veel
        seda tema meie teie nende oleks olid kõik mitte üle ilma ehk kas nii
    """,
    "ro": """
        a acest aceasta această al ale ca că ce cel cea cu care de din după este el ea ei fi
        fost în între la lor lui mai nu o pe pentru prin sau se sunt și un una unei unui ne noi
        voi eu
    """,
    "hu": """
        a az azt azok de egy el és ez ezt ha hogy is meg mely mert mint nem nincs már még csak
        van volt vagy vannak kell pedig ki be fel le itt ott ő ők
    """,
    "lt": """
        ir yra kad su į iš ne tai kaip bet ar jis ji jie mes jūs aš tu per prie apie už nuo iki
        dėl kuris kuri buvo taip o bei
    """,
    "lv": """
        un ir ar par uz no kā kas bet vai ka to tas tā es tu viņš viņa mēs jūs viņi bija būs lai
        pie pēc līdz arī jau ne nav tikai kur
    """,
    "sl": """
        in je v na se da za so z s pa ki ne tudi po od do ali kot pri bi sem smo ste to ta te
        ter iz k h o jaz ti on ona mi vi oni ampak
    """,
    "hr": """
        i u je na se da za od su s sa o a ali kao iz do po pri ili ne to taj ta te ti bi biti
        sam smo ste što koji koja koje ja on ona mi vi oni kako još samo već
    """,
    "el": """
        και το η ο οι τα του της των τον την τη τις τους να με σε στο στη στην στα στον στις
        στους για που από είναι ένα ένας μια μία δεν θα ως αλλά ή αυτό αυτή αυτός κατά μετά όπως
        πιο πολύ όταν εγώ εμείς εσύ εσείς αυτοί έχει έχουν ήταν μη μην
    """,
    "bg": """
        и в във на за да се от с със по е че не са това тази този които която който което като
        до при а но или ще един една едно към след през без ако той тя то те ние вие аз ти му им
        си бе има най още само също всички много
    """,
    "mt": """
        u il l ta' li fil fl għal għall ma minn mill ħafna jew dan din huwa hija huma aħna intom
        jien int kien kienet biex bħala wkoll iżda bl bil lil
    """,
    "ga": """
        agus an na ar i is le go a do de ag as ó faoi leis sé sí siad muid tá bhí ach nó níl
        chun don sa
    """,
}

STOP_WORDS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    language: tuple(words.split()) for language, words in _RAW.items()
}
