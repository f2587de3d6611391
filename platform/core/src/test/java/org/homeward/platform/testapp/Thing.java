package org.homeward.platform.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
@Table(name = "thing")
public class Thing {

    @Id
    public UUID id;

    @Column(name = "name", nullable = false)
    public String name;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
