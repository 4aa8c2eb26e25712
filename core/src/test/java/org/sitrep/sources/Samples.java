package org.sitrep.sources;

/** Short news-like texts written for these tests. */
final class Samples {

    private Samples() {}

    static final String ENGLISH = """
            Protesters gathered outside the parliament in the capital on Tuesday to demand the resignation of the \
            interior minister, who they accuse of ordering police to fire on demonstrators last week. Officials said \
            that at least two people were injured when security forces used tear gas to disperse the crowd.
            The opposition leader told reporters that her party would not take part in talks with the government \
            until an independent inquiry into the shootings had been set up.""";

    static final String ENGLISH_2 = """
            The foreign ministers of both countries met in Geneva on Monday and agreed to restore full diplomatic \
            relations, which were cut off after a border clash three years ago. A joint statement said the two \
            sides would reopen their embassies before the end of the year.""";

    static final String ENGLISH_3 = """
            Rebels attacked an army convoy near the northern town on Sunday, killing four soldiers, a military \
            spokesman said. The group has not claimed responsibility for the attack, but it has carried out \
            similar raids in the region since the peace deal collapsed in March.""";

    static final String FRENCH = """
            Des milliers de manifestants se sont rassemblés mardi devant le parlement pour exiger la démission du \
            ministre de l'Intérieur, qu'ils accusent d'avoir ordonné à la police de tirer sur les manifestants la \
            semaine dernière. Selon les autorités, au moins deux personnes ont été blessées lorsque les forces de \
            l'ordre ont utilisé des gaz lacrymogènes pour disperser la foule.""";

    static final String GERMAN = """
            Tausende Demonstranten haben sich am Dienstag vor dem Parlament versammelt, um den Rücktritt des \
            Innenministers zu fordern. Sie werfen ihm vor, die Polizei in der vergangenen Woche angewiesen zu haben, \
            auf die Demonstranten zu schießen. Nach Angaben der Behörden wurden mindestens zwei Menschen verletzt, \
            als die Sicherheitskräfte Tränengas einsetzten, um die Menge aufzulösen.""";

    static final String SPANISH = """
            Miles de manifestantes se reunieron el martes frente al parlamento para exigir la dimisión del ministro \
            del Interior, a quien acusan de haber ordenado a la policía disparar contra los manifestantes la semana \
            pasada. Según las autoridades, al menos dos personas resultaron heridas cuando las fuerzas de seguridad \
            usaron gases lacrimógenos para dispersar a la multitud.""";

    static final String ITALIAN = """
            Migliaia di manifestanti si sono riuniti martedì davanti al parlamento per chiedere le dimissioni del \
            ministro dell'Interno, che accusano di aver ordinato alla polizia di sparare sui manifestanti la \
            settimana scorsa. Secondo le autorità, almeno due persone sono state ferite quando le forze di \
            sicurezza hanno usato gas lacrimogeni per disperdere la folla.""";

    static final String RUSSIAN = """
            Тысячи протестующих собрались во вторник у здания парламента, требуя отставки министра внутренних дел, \
            которого они обвиняют в том, что на прошлой неделе он приказал полиции открыть огонь по демонстрантам. \
            По словам властей, по меньшей мере два человека получили ранения, когда силы безопасности применили \
            слезоточивый газ, чтобы разогнать толпу.""";

    static final String ARABIC = """
            تجمع آلاف المتظاهرين يوم الثلاثاء أمام البرلمان للمطالبة باستقالة وزير الداخلية الذي يتهمونه بإصدار \
            أوامر للشرطة بإطلاق النار على المتظاهرين الأسبوع الماضي. وقالت السلطات إن شخصين على الأقل أصيبا عندما \
            استخدمت قوات الأمن الغاز المسيل للدموع لتفريق الحشد.""";

    static final String CHINESE = """
            数千名抗议者周二聚集在议会大楼外，要求内政部长辞职。他们指责内政部长上周下令警察向示威者开枪。\
            据当局称，安全部队使用催泪瓦斯驱散人群时，至少有两人受伤。反对党领导人对记者表示，在对枪击事件展开独立调查之前，\
            该党不会参加与政府的谈判。""";
}
