"""Seminar settings and the agenda: the online address, time order and time rules."""

import pytest

from app.models import AgendaKind
from app.seminars import services
from app.seminars.labels import seminar_when


class TestSettings:
    def test_texts_are_saved_with_their_html(self, db, world):
        """Goal and expected output are stored as written and as cleaned HTML."""
        services.update_seminar(
            world.seminar,
            place="  Keravan lukio, aula ",
            online_url="https://meet.example.fi/seminaari",
            goal={"fi": "Yhteinen **tilannekuva**"},
            expected_output={"fi": "Muistio <script>x</script>"},
        )
        assert world.seminar.place == "Keravan lukio, aula"
        assert world.seminar.goal_html == {
            "fi": "<p>Yhteinen <strong>tilannekuva</strong></p>"
        }
        assert "<script>" not in world.seminar.expected_output_html["fi"]

    @pytest.mark.parametrize(
        "address",
        [
            "http://meet.example.fi/x",
            "javascript:alert(1)",
            "meet.example.fi",
            "https://",
            "https://good.fi@evil.example/",
            "https://meet.example.fi/a b",
        ],
    )
    def test_online_address_must_be_a_plain_https_link(self, world, address):
        """Anything but an https link to a host is refused."""
        with pytest.raises(services.InvalidOnlineAddress):
            services.clean_online_url(address)

    def test_empty_online_address_is_none(self, world):
        """No address is fine: the seminar is on site."""
        assert services.clean_online_url("  ") == ""


class TestAgenda:
    def add(self, world, kind, start, end, title):
        return services.add_agenda_item(
            world.seminar,
            kind=kind,
            starts_at=world.at(*start),
            ends_at=world.at(*end) if end else None,
            title={"fi": title},
        )

    def test_items_are_in_time_order_position_breaks_ties(self, db, world):
        """Items added in any order are listed by start time; equal starts by adding order."""
        self.add(world, AgendaKind.WRAP_UP, (14, 30), (15, 0), "Yhteenveto")
        self.add(world, AgendaKind.INTRO_TALK, (13, 0), (13, 20), "Avaus")
        self.add(world, AgendaKind.WORKSHOPS, (13, 30), (14, 30), "Työpajat")
        self.add(world, AgendaKind.COMMENT_TALK, (13, 20), (13, 30), "Kommentti A")
        self.add(world, AgendaKind.BREAK, (13, 20), None, "Kommentti B")
        db.session.commit()
        titles = [item.title["fi"] for item in world.seminar.agenda]
        assert titles == [
            "Avaus",
            "Kommentti A",
            "Kommentti B",
            "Työpajat",
            "Yhteenveto",
        ]

    def test_editing_the_time_moves_the_item(self, db, world):
        """An item moved later is listed later."""
        first = self.add(world, AgendaKind.INTRO_TALK, (13, 0), (13, 20), "Avaus")
        self.add(world, AgendaKind.COMMENT_TALK, (13, 20), (13, 40), "Kommentti")
        services.update_agenda_item(
            first,
            kind=AgendaKind.INTRO_TALK,
            starts_at=world.at(14, 0),
            ends_at=world.at(14, 20),
            title={"fi": "Avaus"},
        )
        db.session.commit()
        assert [i.title["fi"] for i in world.seminar.agenda] == ["Kommentti", "Avaus"]

    def test_end_must_follow_start(self, world):
        """An item ending when it starts is refused, naming the end field."""
        with pytest.raises(services.EndBeforeStart) as error:
            self.add(world, AgendaKind.OTHER, (14, 0), (14, 0), "X")
        assert error.value.field == "ends_at"

    def test_item_before_the_seminar_is_refused(self, world):
        """An item before 13.00 is refused with the seminar's start in the message."""
        with pytest.raises(services.StartsBeforeSeminar) as error:
            self.add(world, AgendaKind.OTHER, (12, 45), (13, 10), "X")
        assert "13.00" in str(error.value)
        assert error.value.field == "starts_at"

    def test_item_after_the_seminar_is_refused(self, world):
        """An item ending after 15.00, or starting at it, is refused."""
        with pytest.raises(services.EndsAfterSeminar) as error:
            self.add(world, AgendaKind.OTHER, (14, 45), (15, 15), "X")
        assert "15.00" in str(error.value)
        with pytest.raises(services.StartsAfterSeminar):
            self.add(world, AgendaKind.OTHER, (15, 0), None, "X")

    def test_the_whole_seminar_fits(self, world):
        """An item from the first to the last minute is inside the hours."""
        item = self.add(world, AgendaKind.OTHER, (13, 0), (15, 0), "Koko päivä")
        assert item.id is not None

    def test_a_phase_without_times_allows_any_time(self, db, world):
        """Without the phase's hours there is nothing to fit inside."""
        world.phase.starts_at = world.phase.ends_at = None
        item = self.add(world, AgendaKind.OTHER, (8, 0), (9, 0), "Aamu")
        assert item.id is not None

    def test_a_block_with_workshops_keeps_its_kind(
        self, db, world, block, make_workshop
    ):
        """A workshop block with workshops cannot become a talk."""
        make_workshop()
        with pytest.raises(services.BlockHasWorkshops):
            services.update_agenda_item(
                block,
                kind=AgendaKind.INTRO_TALK,
                starts_at=block.starts_at,
                ends_at=block.ends_at,
                title=block.title,
            )

    def test_deleting_a_block_removes_its_workshops(
        self, db, world, block, make_workshop
    ):
        """A block goes with its workshops."""
        from app.models import Workshop

        make_workshop()
        services.delete_agenda_item(block)
        db.session.commit()
        assert world.seminar.agenda == []
        assert db.session.query(Workshop).count() == 0

    def test_default_start_follows_the_last_item(self, db, world, block):
        """A new item is proposed to start when the last one ends (or at the start)."""
        assert services.default_start(world.seminar) == world.at(14, 30)
        services.delete_agenda_item(block)
        assert services.default_start(world.seminar) == world.at(13)


def test_seminar_when_reads_like_a_date_line(app, world):
    """The date line: weekday, date and hours in Helsinki time."""
    from flask_babel import force_locale

    day = world.day
    with app.test_request_context(), force_locale("en"):
        assert seminar_when(world.phase) == (
            f"Wednesday {day.day}.{day.month}.{day.year}, 13.00–15.00"
        )
    with app.test_request_context(), force_locale("fi"):
        assert seminar_when(world.phase).startswith("Keskiviikko ")
