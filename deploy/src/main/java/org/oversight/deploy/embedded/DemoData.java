package org.oversight.deploy.embedded;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.events.childcase.ChairRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Synthetic children for the embedded demo, recorded once (on the first start against an empty event store)
 * through the real command path, so they carry the same rules and metadata as anything a chair records.
 * Names are drawn from invented lists; no child here is real.
 */
@Component
@Profile(EmbeddedDatabase.PROFILE + " & !no-demo-children")
@Order(2)
public class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final List<String> GIVEN = List.of("Alfie", "Bea", "Callum", "Daisy", "Ezra", "Freya", "Gus",
            "Hana", "Ivo", "Jade", "Kit", "Lola", "Milo", "Nell", "Otis", "Pia", "Remy", "Skye");
    private static final List<String> FAMILY = List.of("Ashdown", "Birch", "Copeland", "Dunmore", "Ellery",
            "Fenwick", "Garside", "Holloway", "Ingram", "Jessop", "Kirkby", "Lowther");
    private static final int CHILDREN = 30;

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DemoData(CommandGateway commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single() > 0) {
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                DemoPeople.LOADER, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            record();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void record() {
        Random random = new Random(20261123L);
        LocalDate today = LocalDate.now(clock);
        List<String> iros = List.of("iro.ahmed", "chair.brown", "iro.okafor");
        List<String> cpChairs = List.of("chair.brown", "chair.chen");
        for (int i = 0; i < CHILDREN; i++) {
            String la = i % 3 == 2 ? "DEMO-S" : "DEMO-N";
            boolean unborn = i % 15 == 14;
            LocalDate dateOfBirth = unborn ? null : today.minusDays(200 + random.nextInt(17 * 365));
            LocalDate expected = unborn ? today.plusWeeks(6 + random.nextInt(20)) : null;
            RegisterChild register = RegisterChild.of(la, "D" + (1000 + i), GIVEN.get(random.nextInt(GIVEN.size())),
                    FAMILY.get(random.nextInt(FAMILY.size())), dateOfBirth, expected);
            commands.sendAndWait(register);
            LocalDate allocated = today.minusDays(random.nextInt(300));
            if (unborn || i % 2 == 0) {
                commands.sendAndWait(new AllocateChair(register.childId(), ChairRole.CP_CHAIR,
                        cpChairs.get(random.nextInt(cpChairs.size())), allocated));
            }
            if (!unborn && i % 2 == 1 || i % 5 == 0) {
                commands.sendAndWait(new AllocateChair(register.childId(), ChairRole.IRO,
                        iros.get(random.nextInt(iros.size())), allocated));
            }
        }
        LOG.info("Recorded synthetic demo data: {} children", CHILDREN);
    }
}
