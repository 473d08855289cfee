// The vocabulary of date phrases in every language matn reads, in one table.
//
// Each row lists spellings separated by '|'; a spelling may have several words
// ("ربيع الأول", "il y a"): they are stored without the spaces, and the matcher
// joins up to three adjacent words to look them up. Spellings are folded with
// AppendNormalized when the table is built, so a row needs each spelling once
// however its letters vary (ي/ی, ك/ک, ة/ه, ZWNJ or not, accents or not).
#include "calendar/tables.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>
#include <vector>
#include "encoding/codepoint.h"

namespace matn::cal {
namespace {

struct Row {
  const char* spellings;
  Kind kind;
  uint8_t a;
  int16_t b;
  uint8_t flags = 0;
};

constexpr uint8_t G = 0, S = 1, L = 2;  // CalendarKind
constexpr uint8_t C = kCommonWord;

const Row kRows[] = {
    // ---- Gregorian months: English, German, French, Spanish, Arabic (Egyptian/Gulf,
    // Levantine, Maghrebi, Moroccan), Iranian Persian, Dari, Urdu, Pashto.
    {"january|jan|januar|jänner|janner|janvier|janv|enero|ene|يناير|كانون الثاني|جانفي|ژانویه|جنوری", Kind::kMonth, G, 1},
    {"february|feb|febr|februar|feber|février|févr|fév|febrero|فبراير|شباط|فيفري|فوریه|فبروری|فروری", Kind::kMonth, G, 2},
    {"march|mar|märz|mär|maerz|mrz|mars|marzo|مارس|آذار|مارچ", Kind::kMonth, G, 3},
    {"april|apr|avril|avr|abril|abr|أبريل|إبريل|نيسان|أفريل|آوریل|اپریل", Kind::kMonth, G, 4},
    {"may|mai|mayo|مايو|أيار|ماي|مئی", Kind::kMonth, G, 5},
    {"مه|می", Kind::kMonth, G, 5, C},
    {"june|jun|juni|juin|junio|يونيو|يونيه|حزيران|جوان|ژوئن|جون", Kind::kMonth, G, 6},
    {"july|jul|juli|juillet|juil|julio|يوليو|يوليه|تموز|جويلية|يوليوز|ژوئیه|جولای|جولائی", Kind::kMonth, G, 7},
    {"august|aug|août|agosto|أغسطس|أوت|غشت|آگوست|اگست", Kind::kMonth, G, 8},
    {"ago|آب", Kind::kMonth, G, 8, C},
    {"september|sep|sept|septembre|septiembre|setiembre|سبتمبر|أيلول|شتنبر|سپتامبر|سپتمبر|ستمبر", Kind::kMonth, G, 9},
    {"set", Kind::kMonth, G, 9, C},
    {"october|oct|oktober|okt|octobre|octubre|أكتوبر|تشرين الأول|اکتبر|اکتوبر", Kind::kMonth, G, 10},
    {"november|nov|novembre|noviembre|نوفمبر|تشرين الثاني|نونبر|نوامبر|نومبر", Kind::kMonth, G, 11},
    {"december|dec|dezember|dez|décembre|déc|diciembre|dic|ديسمبر|كانون الأول|دجنبر|دسامبر|دسمبر", Kind::kMonth, G, 12},
    // Also read (the multilingual benchmark pages carry them): Portuguese, Italian, Dutch,
    // Turkish, Russian and Ukrainian (genitive, as dates write them).
    {"janeiro|gennaio|januari|ocak|января|январь|січня", Kind::kMonth, G, 1},
    {"fevereiro|fev|febbraio|februari|şubat|subat|февраля|февраль|лютого", Kind::kMonth, G, 2},
    {"março|marco|maart|mart|марта|март|березня", Kind::kMonth, G, 3},
    {"aprile|nisan|апреля|апрель|квітня", Kind::kMonth, G, 4},
    {"maio|maggio|mei|mayıs|мая|травня", Kind::kMonth, G, 5},
    {"junho|giugno|haziran|июня|июнь|червня", Kind::kMonth, G, 6},
    {"julho|luglio|temmuz|июля|июль|липня", Kind::kMonth, G, 7},
    {"augustus|ağustos|agustos|августа|август|серпня", Kind::kMonth, G, 8},
    {"setembro|settembre|eylül|eylul|сентября|сентябрь|вересня", Kind::kMonth, G, 9},
    {"outubro|ottobre|ekim|октября|октябрь|жовтня", Kind::kMonth, G, 10},
    {"out", Kind::kMonth, G, 10, C},
    {"novembro|kasım|kasim|ноября|ноябрь|листопада", Kind::kMonth, G, 11},
    {"dezembro|dicembre|aralık|aralik|декабря|декабрь|грудня", Kind::kMonth, G, 12},

    // ---- Solar Hijri. Iranian names (also written "تیرماه"), Afghan (Dari) zodiac
    // names, Pashto names, and Latin transliterations. Many are everyday words.
    {"فروردین|فروردینماه|farvardin", Kind::kMonth, S, 1},
    {"اردیبهشت|اردیبهشتماه|ordibehesht", Kind::kMonth, S, 2},
    {"خرداد|خردادماه|khordad", Kind::kMonth, S, 3},
    {"تیرماه", Kind::kMonth, S, 4},
    {"تیر|tir", Kind::kMonth, S, 4, C},
    {"مرداد|امرداد|مردادماه|امردادماه|mordad|amordad", Kind::kMonth, S, 5},
    {"شهریور|شهریورماه|shahrivar", Kind::kMonth, S, 6},
    {"مهرماه", Kind::kMonth, S, 7},
    {"مهر|mehr", Kind::kMonth, S, 7, C},
    {"آبان|آبانماه|aban", Kind::kMonth, S, 8},
    {"آذرماه", Kind::kMonth, S, 9},
    {"آذر|azar", Kind::kMonth, S, 9, C},
    {"دیماه", Kind::kMonth, S, 10},
    {"دی|dey", Kind::kMonth, S, 10, C},
    {"بهمنماه", Kind::kMonth, S, 11},
    {"بهمن|bahman", Kind::kMonth, S, 11, C},
    {"اسفند|اسفندماه|esfand", Kind::kMonth, S, 12},
    {"حمل|hamal|وری", Kind::kMonth, S, 1, C},
    {"ثور|sawr|saur|غویی|غوایی|غویې", Kind::kMonth, S, 2, C},
    {"جوزا|جوزاء|jawza|jauza|غبرگولی|غبرګولی|غبرګولې", Kind::kMonth, S, 3, C},
    {"سرطان|saratan|چنګاښ|چنگاش|چنګاش", Kind::kMonth, S, 4, C},
    {"اسد|asad|زمری", Kind::kMonth, S, 5, C},
    {"سنبله|sonbola|sunbula|وږی|وږې|وږے", Kind::kMonth, S, 6, C},
    {"میزان|mizan|تله", Kind::kMonth, S, 7, C},
    {"عقرب|aqrab|لړم", Kind::kMonth, S, 8, C},
    {"قوس|qaws|qaus|لیندۍ|لیندی", Kind::kMonth, S, 9, C},
    {"جدی|jadi|jaddi|مرغومی|مرغومې", Kind::kMonth, S, 10, C},
    {"دلو|dalw|dalv|سلواغه|سلواغې", Kind::kMonth, S, 11, C},
    {"حوت|hut|hoot|کب", Kind::kMonth, S, 12, C},

    // ---- Lunar Hijri, Arabic and Persian spellings (with or without a space or ZWNJ
    // inside, which folding removes) and transliterations. Most are also names.
    {"محرم|المحرم|محرم الحرام|muharram|moharram", Kind::kMonth, L, 1, C},
    {"صفر|صفر المظفر|safar", Kind::kMonth, L, 2, C},
    {"ربيع الأول|ربيع أول|ربیع الاولی|rabi al awwal|rabi ul awwal|rabi al-awwal|rabi i", Kind::kMonth, L, 3, C},
    {"ربيع الثاني|ربيع الآخر|ربيع ثاني|ربيع آخر|rabi al thani|rabi al akhir|rabi ul sani|rabi ul thani|rabi ii", Kind::kMonth, L, 4, C},
    {"جمادى الأولى|جمادى الأول|جمادى أولى|jumada al awwal|jumada al ula|jumada i", Kind::kMonth, L, 5, C},
    {"جمادى الآخرة|جمادى الثانية|جمادى الثاني|جمادى الآخر|جمادى ثاني|jumada al thani|jumada al akhirah|jumada ii", Kind::kMonth, L, 6, C},
    {"رجب|رجب المرجب|rajab", Kind::kMonth, L, 7, C},
    {"شعبان|شعبان المعظم|shaban", Kind::kMonth, L, 8, C},
    {"رمضان|رمضان المبارك|ramadan|ramazan|ramadhan", Kind::kMonth, L, 9, C},
    {"شوال|شوال المكرم|shawwal", Kind::kMonth, L, 10, C},
    {"ذو القعدة|ذي القعدة|ذیقعده|dhu al qadah|dhul qadah|dhu al qidah|zul qadah|zulqadah|dhu al-qadah", Kind::kMonth, L, 11, C},
    {"ذو الحجة|ذي الحجة|ذیحجه|dhu al hijjah|dhul hijjah|zul hijjah|zulhijjah|dhu al-hijjah", Kind::kMonth, L, 12, C},

    // ---- Weekdays (ISO numbering). German two-letter forms only before '.' or ','.
    {"monday|mon|montag|lundi|lun|lunes|الاثنين|الإثنين|اثنين|دوشنبه|پیر|سوموار", Kind::kWeekday, 0, 1},
    {"tuesday|tue|tues|dienstag|mardi|martes|الثلاثاء|ثلاثاء|سه شنبه|سشنبه|منگل|درې شنبه|دریشنبه", Kind::kWeekday, 0, 2},
    {"mar", Kind::kWeekday, 0, 2},  // French "mar." (Spanish "mar." is March: the position decides)
    {"wednesday|wed|mittwoch|mercredi|mer|miércoles|mié|الأربعاء|أربعاء|چهارشنبه|چهار شنبه|بدھ|څلورشنبه", Kind::kWeekday, 0, 3},
    {"thursday|thu|thur|thurs|donnerstag|jeudi|jeu|jueves|jue|الخميس|خميس|پنجشنبه|پنج شنبه|جمعرات|پنځشنبه", Kind::kWeekday, 0, 4},
    {"friday|fri|freitag|vendredi|ven|viernes|vie|الجمعة|جمعة|جمعہ", Kind::kWeekday, 0, 5},
    {"saturday|sat|samstag|sonnabend|samedi|sam|sábado|sáb|السبت|سبت|شنبه|ہفتہ", Kind::kWeekday, 0, 6},
    {"sunday|sun|sonntag|dimanche|dim|domingo|dom|الأحد|أحد|یکشنبه|یک شنبه|اتوار", Kind::kWeekday, 0, 7},
    {"mo", Kind::kWeekday, 0, 1, kNeedsPunct}, {"di", Kind::kWeekday, 0, 2, kNeedsPunct},
    {"mi", Kind::kWeekday, 0, 3, kNeedsPunct}, {"do", Kind::kWeekday, 0, 4, kNeedsPunct},
    {"fr", Kind::kWeekday, 0, 5, kNeedsPunct}, {"sa", Kind::kWeekday, 0, 6, kNeedsPunct},
    {"so", Kind::kWeekday, 0, 7, kNeedsPunct},

    // ---- Units of relative phrases. b = the count the word itself implies.
    {"second|seconds|sec|secs|s|sekunde|sekunden|sek|seconde|secondes|segundo|segundos|seg|ثانیه|ثوان|ثواني|سیکنڈ|سیکنڈز|ثانیې", Kind::kUnit, kSecond, 0},
    {"ثانية", Kind::kUnit, kSecond, 1}, {"ثانيتين|ثانيتان", Kind::kUnit, kSecond, 2},
    {"minute|minutes|min|mins|m|minuten|minuto|minutos|دقیقه|دقائق|منٹ|منٹوں|دقیقې", Kind::kUnit, kMinute, 0},
    {"دقيقة", Kind::kUnit, kMinute, 1}, {"دقيقتين|دقيقتان", Kind::kUnit, kMinute, 2},
    {"hour|hours|hr|hrs|h|stunde|stunden|std|heure|heures|hora|horas|ساعت|ساعات|گھنٹہ|گھنٹے|گھنٹوں|ساعته", Kind::kUnit, kHour, 0},
    {"ساعة", Kind::kUnit, kHour, 1}, {"ساعتين|ساعتان", Kind::kUnit, kHour, 2},
    {"day|days|d|tag|tage|tagen|jour|jours|día|días|روز|أيام|دن|دنوں|ورځ|ورځې", Kind::kUnit, kDay, 0},
    {"يوم", Kind::kUnit, kDay, 1}, {"يومين|يومان", Kind::kUnit, kDay, 2},
    {"week|weeks|wk|wks|w|woche|wochen|semaine|semaines|semana|semanas|هفته|أسابيع|ہفتے|ہفتوں|اونۍ|اونئ", Kind::kUnit, kWeek, 0},
    {"أسبوع", Kind::kUnit, kWeek, 1}, {"أسبوعين|أسبوعان", Kind::kUnit, kWeek, 2},
    {"month|months|mo|mos|monat|monate|monaten|mois|mes|meses|ماه|أشهر|شهور|مہینہ|مہینے|مہینوں|میاشت|میاشتې", Kind::kUnit, kMonthUnit, 0},
    {"شهر", Kind::kUnit, kMonthUnit, 1}, {"شهرين|شهران", Kind::kUnit, kMonthUnit, 2},
    {"year|years|yr|yrs|y|jahr|jahre|jahren|an|ans|année|années|año|años|سال|سنوات|سنين|أعوام|کال|کاله", Kind::kUnit, kYear, 0},
    {"سنة|عام", Kind::kUnit, kYear, 1}, {"سنتين|سنتان|عامين|عامان", Kind::kUnit, kYear, 2},

    {"vor|hace|il y a|منذ|قبل", Kind::kAgoBefore, 0, 0},
    {"ago|پیش|قبل|پہلے|مخکې|وړاندې|پخوا|atrás", Kind::kAgoAfter, 0, 0},

    {"today|heute|aujourd'hui|hoy|امروز|اليوم|آج", Kind::kRelDay, 0, 0},
    {"نن", Kind::kRelDay, 0, 0, C},
    {"yesterday|gestern|ayer|دیروز|أمس|البارحة|پرون", Kind::kRelDay, 0, -1},
    {"hier", Kind::kRelDay, 0, -1, C},  // French yesterday, German "here"
    {"vorgestern|avant-hier|anteayer|پریروز|أول أمس|أول من أمس", Kind::kRelDay, 0, -2},
    {"tomorrow|demain|فردا|غدا", Kind::kRelDay, 0, 1},
    {"now|just now|right now|jetzt|gerade eben|maintenant|à l'instant|ahora|الآن|اکنون|همین الان|ابھی", Kind::kRelDay, 1, 0, C},

    {"a|an|one|ein|eine|einer|einem|einen|un|une|uno|una|یک|یه|ایک|یو|واحد|واحدة", Kind::kNumber, 0, 1},
    {"two|zwei|deux|dos|دو|اثنين|اثنتين|دوه", Kind::kNumber, 0, 2},
    {"three|drei|trois|tres|سه|ثلاث|ثلاثة|تین|درې", Kind::kNumber, 0, 3},
    {"four|vier|quatre|cuatro|چهار|أربع|أربعة|چار|څلور", Kind::kNumber, 0, 4},
    {"five|fünf|cinq|cinco|پنج|خمس|خمسة|پانچ|پنځه", Kind::kNumber, 0, 5},
    {"six|sechs|seis|شش|ست|ستة|چھ|شپږ", Kind::kNumber, 0, 6},
    {"seven|sieben|sept|siete|هفت|سبع|سبعة|سات|اووه", Kind::kNumber, 0, 7},
    {"eight|acht|huit|ocho|هشت|ثمان|ثماني|ثمانية|آٹھ|اته", Kind::kNumber, 0, 8},
    {"nine|neun|neuf|nueve|نه|تسع|تسعة|نو|نهه", Kind::kNumber, 0, 9},
    {"ten|zehn|dix|diez|ده|عشر|عشرة|دس|لس", Kind::kNumber, 0, 10},

    {"de|del|of|the|den|le|el|د|ماه|برج|سال|کال|عام|سنة", Kind::kDateFiller, 0, 0},
    {"at|um|gegen|à|vers|a las|a la|ساعت|الساعة|در|في", Kind::kTimeIntro, 0, 0},
    {"uhr|h|hs|hrs|o'clock|بجے", Kind::kTimeSuffix, 0, 0},

    {"am|a m|vormittags|ق ظ|قبل از ظهر|قبلازظهر|ص", Kind::kAmPm, 0, kAm},
    {"pm|p m|nachmittags|abends|ب ظ|بعد از ظهر|بعدازظهر|عصر|م|مساء|مساءا|شام|سہ پہر|de la tarde|du soir|de l'après-midi|de la noche", Kind::kAmPm, 0, kPm},
    {"شب|رات|nachts", Kind::kAmPm, 0, kNight},
    {"ظهر|دوپہر|midi", Kind::kAmPm, 0, kNoon},
    {"صبح|بامداد|صباحا|صباح|morgens|de la mañana|du matin", Kind::kAmPm, 0, kMorning},

    {"ad|م|ء|میلادی|ميلادية", Kind::kEra, 0, kEraGregorian},
    {"ش|شمسی|خورشیدی|sh|ap|hs|لمریز|ل", Kind::kEra, 0, kEraSolar},
    {"ق|قمری|ah|سپوږمیز", Kind::kEra, 0, kEraLunar},
    {"ه|هجری|هجرية|ھ", Kind::kEra, 0, kEraHijri},

    {"utc|gmt|ut|z|greenwich|گرینویچ|گرینیچ|غرينتش|جرينتش", Kind::kZone, 0, 0},
    {"cet|mez|bst|west", Kind::kZone, 0, 60}, {"cest|mesz|eet", Kind::kZone, 0, 120},
    {"wet", Kind::kZone, 0, 0}, {"eest|msk", Kind::kZone, 0, 180},
    {"est", Kind::kZone, 0, -300}, {"edt", Kind::kZone, 0, -240}, {"cdt", Kind::kZone, 0, -300},
    {"cst", Kind::kZone, 0, -360}, {"mst", Kind::kZone, 0, -420}, {"mdt", Kind::kZone, 0, -360},
    {"pst", Kind::kZone, 0, -480}, {"pdt", Kind::kZone, 0, -420}, {"akst", Kind::kZone, 0, -540},
    {"akdt", Kind::kZone, 0, -480}, {"hst", Kind::kZone, 0, -600}, {"aft|irdt", Kind::kZone, 0, 270},
    {"irst", Kind::kZone, 0, 210}, {"pkt", Kind::kZone, 0, 300}, {"jst|kst", Kind::kZone, 0, 540},
    {"hkt|sgt", Kind::kZone, 0, 480}, {"aest", Kind::kZone, 0, 600}, {"aedt", Kind::kZone, 0, 660},
    {"ist|ast", Kind::kZone, 1, 0},  // India/Ireland/Israel, Arabia/Atlantic: no offset

    {"kabul|کابل", Kind::kPlace, 0, 0},
    {"tehran|teheran|تهران|طهران", Kind::kPlace, 0, 1},
    {"islamabad|karachi|lahore|اسلام آباد|کراچی|لاہور", Kind::kPlace, 0, 2},
    {"riyadh|mecca|makkah|الرياض|ریاض|مكة|مكة المكرمة|مکه", Kind::kPlace, 0, 3},
    {"cairo|القاهرة|قاهره", Kind::kPlace, 0, 4},
    {"dubai|abu dhabi|دبي|أبوظبي|ابوظبی", Kind::kPlace, 0, 5},
    {"baghdad|بغداد", Kind::kPlace, 0, 6}, {"damascus|دمشق", Kind::kPlace, 0, 7},
    {"beirut|بيروت", Kind::kPlace, 0, 8}, {"doha|الدوحة|دوحه", Kind::kPlace, 0, 9},
    {"london|لندن", Kind::kPlace, 0, 10}, {"paris|پاریس|باريس", Kind::kPlace, 0, 11},
    {"berlin|برلین", Kind::kPlace, 0, 12}, {"madrid|مادرید", Kind::kPlace, 0, 13},
    {"washington|new york|واشنگتن|واشنطن|نیویورک|نيويورك", Kind::kPlace, 0, 14},
    {"به وقت|وقت|بتوقيت|توقيت|time|heure|hora|zeit", Kind::kZonePrefix, 0, 0},

    {"st|nd|rd|th|er|re|e|ème|eme|o|ام|م|مه|مین|ویں", Kind::kOrdinal, 0, 0},
    {"الموافق|موافق|برابر با|برابر|مطابق|مطابق با|مصادف با|مصادف", Kind::kEquiv, 0, 0},
    {"and|und|et|y|و", Kind::kConj, 0, 0},
    {"published|updated|posted|atualizado|em|pubblicato|il|last|modified|created|on|date|dated|veröffentlicht|aktualisiert|zuletzt|"
     "stand|erstellt|datum|am|publié|modifié|mis à jour|le|publicado|actualizado|el|fecha|تاریخ|انتشار|"
     "نشر|منتشر شده|منتشر|شده|بروزرسانی|به روز رسانی|آخرین|نشرت|نشر في|بتاريخ|تحديث|آخر تحديث|خپور|"
     "خپره|شوی|شوې|نېټه|اشاعت|شائع|روز|يوم",
     Kind::kLabel, 0, 0},
    // ---- Italian, Portuguese, Dutch, Turkish, Russian: weekdays and relative phrases;
    // Polish and Czech month names (genitive, as dates write them).
    {"stycznia|ledna", Kind::kMonth, G, 1}, {"lutego|unora", Kind::kMonth, G, 2},
    {"marca|brezna|března", Kind::kMonth, G, 3}, {"kwietnia|dubna", Kind::kMonth, G, 4},
    {"maja|kvetna|května", Kind::kMonth, G, 5}, {"czerwca|cervna|června", Kind::kMonth, G, 6},
    {"lipca|cervence|července", Kind::kMonth, G, 7}, {"sierpnia|srpna", Kind::kMonth, G, 8},
    {"wrzesnia|września|zari|září", Kind::kMonth, G, 9}, {"pazdziernika|października|rijna|října", Kind::kMonth, G, 10},
    {"listopada|listopadu", Kind::kMonth, G, 11}, {"grudnia|prosince", Kind::kMonth, G, 12},
    {"lunedì|maandag|pazartesi|понедельник", Kind::kWeekday, 0, 1},
    {"martedì|terça-feira|terça|dinsdag|salı|вторник", Kind::kWeekday, 0, 2},
    {"mercoledì|quarta-feira|woensdag|çarşamba|среда", Kind::kWeekday, 0, 3},
    {"giovedì|quinta-feira|donderdag|perşembe|четверг", Kind::kWeekday, 0, 4},
    {"venerdì|sexta-feira|vrijdag|cuma|пятница", Kind::kWeekday, 0, 5},
    {"sabato|zaterdag|cumartesi|суббота", Kind::kWeekday, 0, 6},
    {"domenica|zondag|pazar|воскресенье", Kind::kWeekday, 0, 7},
    {"segunda-feira", Kind::kWeekday, 0, 1},
    {"secondi|seconden|saniye|секунд|секунды", Kind::kUnit, kSecond, 0}, {"секунду", Kind::kUnit, kSecond, 1},
    {"minuti|minuut|dakika|минут|минуты", Kind::kUnit, kMinute, 0}, {"минуту", Kind::kUnit, kMinute, 1},
    {"ora|ore|uur|saat|часа|часов", Kind::kUnit, kHour, 0}, {"час", Kind::kUnit, kHour, 1},
    {"giorno|giorni|dag|dagen|gün|дня|дней", Kind::kUnit, kDay, 0}, {"день", Kind::kUnit, kDay, 1},
    {"settimana|settimane|weken|hafta|недели|недель", Kind::kUnit, kWeek, 0}, {"неделю", Kind::kUnit, kWeek, 1},
    {"mese|mesi|mês|maand|maanden|ay|месяца|месяцев", Kind::kUnit, kMonthUnit, 0}, {"месяц", Kind::kUnit, kMonthUnit, 1},
    {"anno|anni|jaar|jaren|yıl|года|лет", Kind::kUnit, kYear, 0}, {"год", Kind::kUnit, kYear, 1},
    {"há|ha", Kind::kAgoBefore, 0, 0},
    {"fa|geleden|önce|назад", Kind::kAgoAfter, 0, 0},
    {"oggi|hoje|vandaag|bugün|сегодня", Kind::kRelDay, 0, 0},
    {"ieri|ontem|gisteren|dün|вчера", Kind::kRelDay, 0, -1},
    {"anteontem|eergisteren|позавчера", Kind::kRelDay, 0, -2},
    {"domani|amanhã|yarın|завтра", Kind::kRelDay, 0, 1},
    {"um|uma|een|bir", Kind::kNumber, 0, 1},
    {"г", Kind::kEra, 0, kEraGregorian},
    {"un'ora", Kind::kUnit, kHour, 1}, {"un'ora", Kind::kStarter, 0, 0},

    // ---- Chinese, Japanese, Korean. Han and kana are written without spaces: each
    // character is a word and spellings are found by joining up to three (IsUnspacedCjk).
    // Dates are numbers with marks: 2021年7月5日, 2021년 7월 5일, 14时30分, 令和3年.
    {"年|년", Kind::kCjkMark, 0, 1}, {"月|월", Kind::kCjkMark, 0, 2}, {"日|号|號|일", Kind::kCjkMark, 0, 3},
    {"时|時|点|點|시", Kind::kCjkMark, 0, 4}, {"分|분", Kind::kCjkMark, 0, 5}, {"秒|초", Kind::kCjkMark, 0, 6},
    {"令和", Kind::kCjkEra, 0, 2018}, {"平成", Kind::kCjkEra, 0, 1988}, {"昭和", Kind::kCjkEra, 0, 1925},
    {"星期一|礼拜一|禮拜一|周一|週一|月曜日|月曜|월요일", Kind::kWeekday, 0, 1},
    {"星期二|礼拜二|禮拜二|周二|週二|火曜日|火曜|화요일", Kind::kWeekday, 0, 2},
    {"星期三|礼拜三|禮拜三|周三|週三|水曜日|水曜|수요일", Kind::kWeekday, 0, 3},
    {"星期四|礼拜四|禮拜四|周四|週四|木曜日|木曜|목요일", Kind::kWeekday, 0, 4},
    {"星期五|礼拜五|禮拜五|周五|週五|金曜日|金曜|금요일", Kind::kWeekday, 0, 5},
    {"星期六|礼拜六|禮拜六|周六|週六|土曜日|土曜|토요일", Kind::kWeekday, 0, 6},
    {"星期日|星期天|礼拜日|礼拜天|禮拜日|禮拜天|周日|週日|日曜日|日曜|일요일", Kind::kWeekday, 0, 7},
    {"月|월", Kind::kWeekday, 0, 1, kInParens}, {"火|화", Kind::kWeekday, 0, 2, kInParens},
    {"水|수", Kind::kWeekday, 0, 3, kInParens}, {"木|목", Kind::kWeekday, 0, 4, kInParens},
    {"金|금", Kind::kWeekday, 0, 5, kInParens}, {"土|토", Kind::kWeekday, 0, 6, kInParens},
    {"日|일", Kind::kWeekday, 0, 7, kInParens},
    {"秒|秒钟|秒鐘|초", Kind::kUnit, kSecond, 0},
    {"分钟|分鐘|分|분", Kind::kUnit, kMinute, 0},
    {"小时|小時|钟头|鐘頭|時間|시간", Kind::kUnit, kHour, 0},
    {"天|日|일", Kind::kUnit, kDay, 0},
    {"周|週|星期|个星期|個星期|週間|주", Kind::kUnit, kWeek, 0},
    {"个月|個月|ヶ月|か月|カ月|ケ月|개월|달", Kind::kUnit, kMonthUnit, 0},
    {"年|년", Kind::kUnit, kYear, 0},
    {"半小时|半小時|半時間", Kind::kUnit, kMinute, 30}, {"半", Kind::kStarter, 0, 0},
    {"前|以前|之前|전", Kind::kAgoAfter, 0, 0},
    {"今天|今日|本日|오늘", Kind::kRelDay, 0, 0},
    {"昨天|昨日|어제", Kind::kRelDay, 0, -1},
    {"前天|一昨日|おととい|그제|그저께", Kind::kRelDay, 0, -2},
    {"明天|明日|내일", Kind::kRelDay, 0, 1},
    {"刚刚|剛剛|刚才|剛才|たった今|방금", Kind::kRelDay, 1, 0, C},
    {"一", Kind::kNumber, 0, 1}, {"两|兩|二", Kind::kNumber, 0, 2}, {"三", Kind::kNumber, 0, 3},
    {"四", Kind::kNumber, 0, 4}, {"五", Kind::kNumber, 0, 5}, {"六", Kind::kNumber, 0, 6},
    {"七", Kind::kNumber, 0, 7}, {"八", Kind::kNumber, 0, 8}, {"九", Kind::kNumber, 0, 9},
    {"十", Kind::kNumber, 0, 10},
    {"上午|早上|凌晨|午前|오전", Kind::kAmPm, 0, kAm},
    {"下午|午後|오후", Kind::kAmPm, 0, kPm},
    {"晚上", Kind::kAmPm, 0, kNight},
    {"中午|正午", Kind::kAmPm, 0, kNoon},
    {"发布|發布|发表|發表|更新|时间|時間|日期|于|於|公開|公开|投稿|掲載|配信|更新日|投稿日|公開日|"
     "입력|수정|등록|작성|기사입력|최종수정|업데이트|송고",
     Kind::kLabel, 0, 0},
    {"beijing|北京", Kind::kPlace, 0, 15}, {"tokyo|東京|东京", Kind::kPlace, 0, 16},
    {"seoul|서울", Kind::kPlace, 0, 17},
    {"时间", Kind::kZonePrefix, 0, 0},
};


const char* const kPlaceZones[] = {
    "Asia/Kabul",   "Asia/Tehran",   "Asia/Karachi",  "Asia/Riyadh",   "Africa/Cairo",
    "Asia/Dubai",   "Asia/Baghdad",  "Asia/Damascus", "Asia/Beirut",   "Asia/Qatar",
    "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "America/New_York",
    "Asia/Shanghai", "Asia/Tokyo",   "Asia/Seoul",    "America/Chicago", "America/Denver",
    "America/Los_Angeles",
};

char32_t Decode(std::string_view s, size_t i, size_t* len) { return utf8::DecodeAt(s, i, len); }

void Append(char32_t c, std::string* out) { utf8::AppendCodePoint(c, out); }

// Latin-1 letters U+00C0..U+00FF folded to ASCII ("" = keep).
const char* const kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0
};

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using Table = std::unordered_map<std::string, std::vector<Meaning>, Hash, std::equal_to<>>;
size_t g_max_key = 0;

// Most words looked up are not in the table: a 64 K-bit filter over length,
// first two and last two bytes turns them away before hashing the whole word.
uint64_t g_filter[1024];
uint32_t FilterSlot(std::string_view s) {  // s not empty
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i])); };
  size_t n = s.size();
  uint32_t x = b(0) | b(n > 1 ? 1 : 0) << 8 | b(n - 1) << 16 | b(n > 1 ? n - 2 : 0) << 24;
  return ((x ^ static_cast<uint32_t>(n) * 0x27D4EB2Fu) * 0x9E3779B1u) >> 16;
}

const Table& GetTable() {
  static const Table* table = [] {
    auto* t = new Table;
    t->reserve(4096);  // no rehashing while the ~2,700 keys go in
    std::string key;
    for (const Row& row : kRows) {
      std::string_view all = row.spellings;
      while (!all.empty()) {
        size_t bar = all.find('|');
        std::string_view one = all.substr(0, bar);
        all = bar == std::string_view::npos ? std::string_view() : all.substr(bar + 1);
        key.clear();
        AppendNormalized(one, &key);  // drops the spaces inside multi-word spellings
        size_t sp = one.find_first_of(" -.'");
        size_t first_len = 0;
        char32_t c0 = Decode(one, 0, &first_len);
        if (sp == std::string_view::npos && IsUnspacedCjk(c0) && one.size() > first_len) sp = first_len;
        if (sp != std::string_view::npos && CanStartKind(row.kind)) {
          std::string first;
          AppendNormalized(one.substr(0, sp), &first);
          std::vector<Meaning>& fv = (*t)[first];
          bool has = false;
          for (const Meaning& e : fv) has |= e.kind == Kind::kStarter;
          if (!has) fv.push_back(Meaning{Kind::kStarter});
          g_max_key = std::max(g_max_key, first.size());
        }
        g_max_key = std::max(g_max_key, key.size());
        std::vector<Meaning>& v = (*t)[key];
        Meaning m{row.kind, row.a, row.b, row.flags};
        bool dup = false;
        for (const Meaning& e : v) dup |= e.kind == m.kind && e.a == m.a && e.b == m.b;
        if (!dup) v.push_back(m);
      }
    }
    for (const auto& [key, meanings] : *t) {
      if (key.empty()) continue;
      uint32_t h = FilterSlot(key);
      g_filter[h >> 6] |= uint64_t{1} << (h & 63);
    }
    return t;
  }();
  return *table;
}

}  // namespace

bool CanStartKind(Kind k) {
  return k == Kind::kStarter || k == Kind::kMonth || k == Kind::kWeekday || k == Kind::kRelDay || k == Kind::kAgoBefore ||
         k == Kind::kNumber || k == Kind::kCjkEra;
}

void AppendNormalized(std::string_view word, std::string* out) {
  for (size_t i = 0; i < word.size();) {
    size_t len;
    char32_t c = Decode(word, i, &len);
    i += len;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c == ' ' || c == '\'' || c == '-' || c == '.') continue;
      out->push_back(static_cast<char>(c));
      continue;
    }
    if (c >= 0xC0 && c <= 0xFF) {
      const char* f = kLatin1Fold[c - 0xC0];
      if (*f) {
        out->append(f);
        continue;
      }
    }
    switch (c) {
      case 0xBA: out->push_back('o'); continue;  // º
      case 0xAA: out->push_back('a'); continue;  // ª
      case 0x153: case 0x152: out->append("oe"); continue;
      case 0x2019: case 0x2BC: case 0x2BF: case 0x2BE: case 0x2018:  // apostrophes, ʿayn
      case 0x200C: case 0x200D: case 0x640: case 0xA0:               // ZWNJ, ZWJ, tatweel
        continue;
      case 0x64A: case 0x649: case 0x6D0: case 0x6CD: case 0x626: case 0x6CE:
        c = 0x6CC;  // ی
        break;
      case 0x643: c = 0x6A9; break;                                  // ک
      case 0x629: case 0x6C1: case 0x6BE: case 0x6C0: case 0x6D5: case 0x6C2:
        c = 0x647;  // ه
        break;
      case 0x623: case 0x625: case 0x622: case 0x671: c = 0x627; break;  // ا
      case 0x624: c = 0x648; break;                                       // و
      case 0x6AB: c = 0x6AF; break;                                       // ګ → گ
      case 0x69A: c = 0x634; break;                                       // ښ → ش
      case 0x696: c = 0x698; break;                                       // ږ → ژ
      case 0x693: c = 0x631; break;                                       // ړ → ر
      default: break;
    }
    if ((c >= 0x64B && c <= 0x65F) || c == 0x670 || (c >= 0x6D6 && c <= 0x6ED)) continue;  // harakat
    if (c < 0x600 || c > 0x6FF) c = u_tolower(c);
    Append(c, out);
  }
}

Meanings Lookup(std::string_view normalized) {
  const Table& t = GetTable();
  if (normalized.size() > g_max_key || normalized.empty()) return {};
  uint32_t h = FilterSlot(normalized);
  if (!(g_filter[h >> 6] >> (h & 63) & 1)) return {};
  auto it = t.find(normalized);
  if (it == t.end()) return {};
  return {it->second.data(), it->second.size()};
}

const char* PlaceZone(int index) {
  if (index < 0 || index >= static_cast<int>(std::size(kPlaceZones))) return "Etc/UTC";
  return kPlaceZones[index];
}

}  // namespace matn::cal
