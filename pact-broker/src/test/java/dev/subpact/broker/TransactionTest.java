package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A write is all or nothing, whatever it fails with — on both engines. */
class TransactionTest {

  private final Repositories storage = Repositories.create();

  private boolean exists(Database database, String name) {
    Optional<Pacticipant> found = database.read(tx -> storage.pacticipants().pacticipant(tx, name));
    return found.isPresent();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aWriteThatFailsWithAnErrorLeavesNothingBehind(Engine engine) {
    try (Database database = Database.open(engine.newDatabase())) {
      assertThatThrownBy(() -> database.write(tx -> {
        storage.pacticipants().ensurePacticipant(tx, "half-done");
        throw new StackOverflowError("deep recursion halfway through the write");
      })).isInstanceOf(StackOverflowError.class);
      assertThat(exists(database, "half-done")).isFalse();

      // the pooled connection the failed write used is clean for the next one
      database.write(tx -> storage.pacticipants().ensurePacticipant(tx, "whole"));
      assertThat(exists(database, "whole")).isTrue();
      assertThat(exists(database, "half-done")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anAssertionErrorMidWriteLeavesNothingBehind(Engine engine) {
    try (Database database = Database.open(engine.newDatabase())) {
      assertThatThrownBy(() -> database.write(tx -> {
        storage.pacticipants().ensurePacticipant(tx, "half-done");
        throw new AssertionError("an Error, not an Exception");
      })).isInstanceOf(AssertionError.class);
      assertThat(exists(database, "half-done")).isFalse();
    }
  }
}
