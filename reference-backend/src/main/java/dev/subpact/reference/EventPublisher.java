package dev.subpact.reference;

import java.util.ArrayDeque;
import java.util.Queue;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The events of one live subscription as a Reactive Streams publisher (what graphql-java's
 * subscription execution consumes): one subscriber, demand respected, cancel unregisters.
 */
final class EventPublisher implements Publisher<Object> {

  private final Queue<Object> pending = new ArrayDeque<>();
  private final Runnable onCancel;
  private Subscriber<? super Object> subscriber;
  private long demand;
  private boolean cancelled;

  EventPublisher(Runnable onCancel) {
    this.onCancel = onCancel;
  }

  @Override
  public void subscribe(Subscriber<? super Object> s) {
    synchronized (this) {
      if (subscriber != null) {
        throw new IllegalStateException("A subscription's event publisher takes one subscriber.");
      }
      subscriber = s;
    }
    s.onSubscribe(
        new Subscription() {
          @Override
          public void request(long n) {
            synchronized (EventPublisher.this) {
              demand = n == Long.MAX_VALUE || demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            drain();
          }

          @Override
          public void cancel() {
            synchronized (EventPublisher.this) {
              cancelled = true;
              pending.clear();
            }
            onCancel.run();
          }
        });
  }

  /** Queues an event; it is delivered when the subscriber asks for it. */
  void offer(Object event) {
    synchronized (this) {
      if (cancelled) {
        return;
      }
      pending.add(event);
    }
    drain();
  }

  private void drain() {
    while (true) {
      Object next;
      Subscriber<? super Object> s;
      synchronized (this) {
        if (cancelled || subscriber == null || demand == 0 || pending.isEmpty()) {
          return;
        }
        next = pending.poll();
        if (demand != Long.MAX_VALUE) {
          demand--;
        }
        s = subscriber;
      }
      s.onNext(next);
    }
  }
}
