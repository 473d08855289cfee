#!/usr/bin/env python3
"""Second method for the expected values in calendar_test.cpp.

The Solar Hijri conversions use the jalaali algorithm (Borkowski's 33-year
breaks table, as published in jalaali-js), written here independently of the
C++ code (which uses ICU). Gregorian arithmetic and weekdays use Python's
datetime. Run: python3 tests/calendar/verify_expected.py
Lunar Hijri (Umm al-Qura) values are not computed here: the tests cite Saudi
announcements instead (1 Ramadan 1445 = 2024-03-11, 1 Shawwal 1445 = 2024-04-10,
10 Dhu al-Hijjah 1445 = 2024-06-16, 1 Muharram 1446 = 2024-07-07,
1 Ramadan 1446 = 2025-03-01).
"""
import datetime

BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060,
          2097, 2192, 2262, 2324, 2394, 2456, 3178]


def div(a, b):
    return int(a / b)  # truncation toward zero, as ~~(a / b) in JavaScript


def mod(a, b):
    return a - div(a, b) * b


def jal_cal(jy):
    gy = jy + 621
    leap_j = -14
    jp = BREAKS[0]
    jump = 0
    for jm in BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += div(jump, 33) * 8 + div(mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += div(n, 33) * 8 + div(mod(n, 33) + 3, 4)
    if mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + div(jump + 4, 33) * 33
    leap = mod(mod(n + 1, 33) - 1, 4)
    if leap == -1:
        leap = 4
    return leap, gy, march


def month_length(jy, jm):
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if jal_cal(jy)[0] == 0 else 29


def jalaali_to_gregorian(jy, jm, jd):
    if not 1 <= jd <= month_length(jy, jm):
        return None
    _, gy, march = jal_cal(jy)
    start = datetime.date(gy, 3, march)
    return start + datetime.timedelta(days=(jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1)


CASES = [
    (1403, 1, 1), (1402, 1, 1), (1404, 1, 1), (1400, 1, 1), (1399, 12, 30), (1399, 1, 1),
    (1403, 4, 15), (1403, 12, 30), (1402, 12, 29), (1402, 12, 30), (1403, 10, 1), (1403, 10, 3),
    (1403, 6, 31), (1403, 7, 30), (1403, 7, 31), (1403, 9, 30), (1404, 12, 29), (1404, 12, 30),
    (1401, 2, 14), (1403, 10, 11), (1403, 11, 5), (1403, 6, 17), (1398, 5, 10), (1403, 12, 8),
    (1401, 4, 14),
] + [(1403, m, 1) for m in range(1, 13)]  # first day of every month of 1403

if __name__ == "__main__":
    for jy, jm, jd in CASES:
        g = jalaali_to_gregorian(jy, jm, jd)
        print(f"{jy}-{jm:02}-{jd:02} SH -> {g.isoformat() + ' ' + g.strftime('%A') if g else 'invalid'}")
    for y in (1399, 1402, 1403, 1404, 1407, 1408):
        print(y, "leap" if jal_cal(y)[0] == 0 else "common")
    for iso in ("2024-07-05", "2024-03-11", "2024-12-23", "2025-02-26", "2024-02-29", "2024-06-16", "2024-07-09", "2024-07-07"):
        print(iso, datetime.date.fromisoformat(iso).strftime("%A"))
    ref = datetime.datetime(2024, 3, 1, 1, 30)
    print("2024-03-01T01:30 minus 2h =", ref - datetime.timedelta(hours=2))
    print("2024-03-01 minus 3 days =", datetime.date(2024, 3, 1) - datetime.timedelta(days=3))
    print("2023-03-01 minus 1 day =", datetime.date(2023, 3, 1) - datetime.timedelta(days=1))
    print("2025-01-01T00:10 minus 15 min =", datetime.datetime(2025, 1, 1, 0, 10) - datetime.timedelta(minutes=15))
