package nl.werkpact.keurmerk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.werkpact.keurmerk.common.ForbiddenException;
import nl.werkpact.keurmerk.guard.CommandAllowlist;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.objenesis.ObjenesisStd;

/**
 * Every command class of the engine and the webapps, run through the engine as each role that is not an
 * administrator: what the role's work does not need is refused before it runs. The commands are made without
 * their constructor, so all their arguments are missing: one that got past the guard would fail on a missing
 * argument instead of answering the guard's Dutch refusal. A command that a later Camunda adds is refused too,
 * unless someone puts it on the list (engine/CommandAllowlist, SECURITY.md).
 */
class CommandAllowlistIT extends IntegrationTest {

  private static final List<String> ROLES =
      List.of(
          Groups.ACCOUNTMANAGERS,
          Groups.AUDITORS,
          Groups.KEURMERKCOMMISSIE,
          Groups.PROCESBEHEERDERS);
  private static List<Class<?>> commands;

  @Autowired ProcessEngineConfigurationImpl engine;

  @BeforeAll
  static void findCommands() throws ClassNotFoundException {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isConcrete();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Command.class));
    List<Class<?>> found = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("org.camunda.bpm")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      if (!Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
        found.add(type);
      }
    }
    commands = found;
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theScanFindsTheEnginesCommandsAndThoseOfTheWebapps() {
    Set<String> names = new TreeSet<>();
    commands.forEach(type -> names.add(type.getSimpleName()));
    assertThat(commands).hasSizeGreaterThan(300);
    assertThat(names)
        .contains(
            "DeployCmd",
            "ExecuteJobsCmd",
            "HandleTaskBpmnErrorCmd",
            "CreateCaseInstanceCmd",
            "TaskQueryImpl",
            "FetchExternalTasksCmd",
            "SetJobRetriesCmd",
            "AssignTaskCmd");
    assertThat(commands).anyMatch(type -> type.getName().startsWith("org.camunda.bpm.cockpit."));
  }

  @Test
  void everyNameOnTheListIsACommandOfThisCamunda() {
    Set<String> names = new TreeSet<>();
    commands.forEach(type -> names.add(type.getSimpleName()));
    assertThat(names).containsAll(allowlistNames());
  }

  @Test
  void everyCommandOutsideTheListIsRefusedBeforeItRunsForEveryRoleThatIsNotAdmin() {
    var objects = new ObjenesisStd();
    Map<String, String> gotThrough = new TreeMap<>();
    int refused = 0;
    for (String role : ROLES) {
      identityService.setAuthentication(
          "itallowlist-" + role,
          List.of(role),
          List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
      for (Class<?> type : commands) {
        if (allowlist(role).contains(type.getSimpleName())) {
          continue;
        }
        Command<?> command = (Command<?>) objects.newInstance(type);
        try {
          engine.getCommandExecutorTxRequired().execute(command);
          gotThrough.put(role + " " + type.getName(), "ran");
        } catch (ForbiddenException expected) {
          if (expected.getMessage().startsWith("Deze handeling is voorbehouden aan beheerders")) {
            refused++;
          } else {
            gotThrough.put(role + " " + type.getName(), expected.getMessage());
          }
        } catch (RuntimeException | LinkageError ranIntoItsMissingArguments) {
          gotThrough.put(role + " " + type.getName(), ranIntoItsMissingArguments.toString());
        }
      }
    }
    assertThat(gotThrough)
        .as("commands outside the allowlist that were not refused by the guard")
        .isEmpty();
    System.out.printf(
        "CommandAllowlistIT: %d command classes, %d refused before they ran over %d roles%n",
        commands.size(), refused, ROLES.size());
    assertThat(refused).isGreaterThan(4 * 200);
  }

  @Test
  void anAdministratorIsNotStoppedByTheList() {
    identityService.setAuthentication(
        "itallowlist-admin",
        List.of(Groups.ADMINS),
        List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
    var command = (Command<?>) new ObjenesisStd().newInstance(HandleTaskBpmnErrorCmd.class);
    try {
      engine.getCommandExecutorTxRequired().execute(command);
    } catch (ForbiddenException refused) {
      throw new AssertionError("the guard refused an administrator: " + refused.getMessage());
    } catch (RuntimeException ranIntoItsMissingArguments) {
      // it ran: the engine itself complains of the missing task id
    }
  }

  private static Set<String> allowlistNames() {
    return CommandAllowlist.allNames();
  }

  private static Set<String> allowlist(String role) {
    return CommandAllowlist.allowed(role);
  }
}
